// Another site's post or player in the article's text, by its address: the server reads
// the address into a provider and an id (articles/embeds.py), and the text keeps only those.
import { gettext, Node, updateAttrsDialog } from "django-prose-editor/editor"

const resolve = async (url, address) => {
  const response = await fetch(`${url}?${new URLSearchParams({ address })}`, {
    credentials: "same-origin",
  })
  return response.json()
}

export const Embed = Node.create({
  name: "embed",
  group: "block",
  content: "caption?",
  draggable: true,
  isolating: true,

  addOptions() {
    return { resolveUrl: null }
  },

  addAttributes() {
    return {
      embed: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-embed"),
        renderHTML: (attributes) => (attributes.embed ? { "data-embed": attributes.embed } : {}),
      },
      // A pasted player not read yet: the server reads it on save.
      address: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-embed-url") || element.getAttribute("src"),
        renderHTML: (attributes) =>
          attributes.address && !attributes.embed ? { "data-embed-url": attributes.address } : {},
      },
    }
  },

  parseHTML() {
    return [
      { tag: "figure[data-embed]", priority: 60 },
      { tag: "figure[data-embed-url]", priority: 60 },
      { tag: "iframe[src]", priority: 60 },
    ]
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes, 0]
  },

  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement("figure")
      dom.className = "newsroom-embed"
      const label = document.createElement("div")
      label.contentEditable = "false"
      label.className = "newsroom-embed-label"
      label.textContent = `${gettext("Embedded post")} · ${node.attrs.embed || node.attrs.address || ""}`
      const content = document.createElement("div")
      dom.append(label, content)
      return { dom, contentDOM: content }
    }
  },

  addCommands() {
    return {
      insertEmbed:
        () =>
        ({ editor }) => {
          const url = this.options.resolveUrl
          if (!url) return false
          const ask = (values) =>
            updateAttrsDialog(
              {
                address: {
                  type: "string",
                  title: gettext("Address of the video or post"),
                  description: gettext(
                    "YouTube, Dailymotion, Facebook, X, Instagram, TikTok, SoundCloud or Spotify",
                  ),
                  required: true,
                },
                caption: { type: "string", title: gettext("Caption") },
              },
              { title: gettext("Embed a video or post"), submitText: gettext("Insert") },
            )(editor, values).then(async (attrs) => {
              if (!attrs) return
              const found = await resolve(url, attrs.address.trim())
              if (!found.embed) {
                window.alert(found.error)
                ask(attrs)
                return
              }
              const content = attrs.caption.trim()
                ? [{ type: "caption", content: [{ type: "text", text: attrs.caption.trim() }] }]
                : []
              editor
                .chain()
                .focus()
                .insertContent({ type: "embed", attrs: { embed: found.embed }, content })
                .run()
            })
          ask({ address: "", caption: "" })
          return true
        },
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "embed",
      groups: "nodes",
      command: (editor) => editor.commands.insertEmbed(),
      button: buttons.material("smart_display", gettext("Embed a video or post")),
      active: (editor) => editor.isActive("embed"),
    })
  },
})
