// A gallery in the article's text: several library pictures side by side (a row the reader
// swipes) and one caption, picked together in the library's picker window.
import { gettext, mergeAttributes, Node } from "django-prose-editor/editor"

let picks = 0
const waiting = new Map()

// The picker window calls this with the pictures chosen (static/newsroom/picker.js).
window.newsroomPicked = (number, pictures) => {
  const done = waiting.get(Number(number))
  waiting.delete(Number(number))
  if (done) done(pictures)
}

const pickMany = (pickerUrl, done) => {
  const number = ++picks
  waiting.set(number, done)
  const separator = pickerUrl.includes("?") ? "&" : "?"
  window.open(`${pickerUrl}${separator}multiple=1&pick=${number}`, "_blank", "width=900,height=700")
}

const galleryAround = (state) => {
  const { $from } = state.selection
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type.name === "gallery") return $from.before(depth)
  }
  if (state.selection.node?.type.name === "gallery") return state.selection.from
  return null
}

export const Gallery = Node.create({
  name: "gallery",
  group: "block",
  content: "image+ caption?",
  draggable: true,
  isolating: true,

  addOptions() {
    return { pickerUrl: null }
  },

  parseHTML() {
    return [{ tag: "figure[data-gallery]", priority: 60 }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", mergeAttributes(HTMLAttributes, { "data-gallery": "" }), 0]
  },

  addCommands() {
    return {
      // Inside a gallery, the pictures chosen join it; elsewhere they make a new one.
      insertGallery:
        () =>
        ({ editor, state }) => {
          if (!this.options.pickerUrl) return false
          const around = galleryAround(state)
          pickMany(this.options.pickerUrl, (pictures) => {
            const images = pictures.map((picture) => ({
              type: "image",
              attrs: { src: picture.src, alt: picture.alt, file: String(picture.id) },
            }))
            if (!images.length) return
            if (around === null) {
              editor.chain().focus().insertContent({ type: "gallery", content: images }).run()
              return
            }
            const gallery = editor.state.doc.nodeAt(around)
            let end = around + 1
            gallery.forEach((child, offset) => {
              if (child.type.name === "image") end = around + 1 + offset + child.nodeSize
            })
            editor.chain().focus().insertContentAt(end, images).run()
          })
          return true
        },
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "gallery",
      groups: "nodes",
      command: (editor) => editor.commands.insertGallery(),
      button: buttons.material("photo_library", gettext("Gallery")),
      active: (editor) => editor.isActive("gallery"),
    })
  },
})
