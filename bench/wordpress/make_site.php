<?php
// A WordPress site made by WordPress itself, then exported by its own export_wp():
//   php make_site.php POSTS OUT PICTURES_DIR   (run by export.sh, which sets WordPress up)
$_SERVER['HTTP_HOST'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/export.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
mt_srand(2026);
$POSTS = intval($argv[1] ?? 2000);
if (!is_blog_installed()) {
    wp_install('Le Journal du Sahel', 'admin', 'admin@example.org', true, '', 'motdepasse');
}
update_option('permalink_structure', '/%year%/%monthnum%/%postname%/');
update_option('WPLANG', 'fr_FR');
update_option('timezone_string', 'Africa/Abidjan');
$first = ['Awa', 'Moussa', 'Fatou', 'Kouadio', 'Aminata', 'Ibrahim', 'Mariam', 'Yao', 'Adjoa', 'Seydou', 'Nafissatou', 'Koffi'];
$last = ['Koné', 'Traoré', 'Diallo', 'Kouassi', 'Ouédraogo', 'Sow', 'Bamba', 'Mensah', 'Diop', 'Cissé', 'Sangaré', 'Touré'];
$authors = [];
foreach ($first as $i => $f) {
    $login = strtolower(remove_accents($f)) . $i;
    $id = username_exists($login) ?: wp_insert_user(['user_login' => $login, 'user_pass' => 'x' . $i, 'user_email' => "$login@example.org", 'display_name' => "$f {$last[$i]}", 'first_name' => $f, 'last_name' => $last[$i], 'role' => 'author']);
    $authors[] = $id;
}
$cat = function ($name, $parent = 0) { $t = term_exists($name, 'category', $parent) ?: wp_insert_term($name, 'category', ['parent' => $parent]); return intval($t['term_id']); };
$actu = $cat('Actualité'); $cats = [$cat('Politique', $actu), $cat('Économie', $actu), $cat('Société', $actu), $cat('Santé', $actu), $sport = $cat('Sport'), $cat('Football', $sport), $cat('Culture'), $cat('International')];
$places = ['Abidjan', 'Bouaké', 'Dakar', 'Bamako', 'Niamey', 'Ouagadougou', 'Lomé', 'Accra', 'Cotonou', 'Conakry'];
$subjects = ['le prix du riz', 'la campagne de cacao', 'la sécurité aux frontières', 'les élections locales', 'la saison des pluies', 'le championnat de football', "les coupures d'électricité", 'la rentrée universitaire', 'le port autonome', 'la filière coton'];
$tags = [];
foreach ($places as $p) { $tags[] = $p; }
foreach (['CEDEAO', 'Cacao', 'Coton', 'Jeunesse', 'Énergie', 'Agriculture', 'Transports', 'Éducation', 'Santé publique', 'Football', 'Musique', 'Cinéma'] as $t) { $tags[] = $t; }
// Pictures: the JPEG files export.sh made, each an attachment with its alt text.
$pictures = [];
$uploads = wp_upload_dir('2024/03');
foreach (glob(($argv[3] ?? '/tmp/wordpress-site/pictures') . '/*.jpg') as $i => $source) {
    $name = basename($source);
    $target = $uploads['path'] . '/' . $name;
    copy($source, $target);
    $id = wp_insert_attachment(['post_mime_type' => 'image/jpeg', 'post_title' => "Photo $i", 'post_content' => '', 'post_excerpt' => "Légende de la photo $i", 'post_status' => 'inherit', 'guid' => $uploads['url'] . '/' . $name], $target);
    update_post_meta($id, '_wp_attachment_image_alt', "Vue de " . $places[$i % count($places)]);
    $pictures[] = [$id, $uploads['url'] . '/' . $name];
}
$sentence = function () use ($places, $subjects) {
    $p = $places[mt_rand(0, count($places) - 1)]; $s = $subjects[mt_rand(0, count($subjects) - 1)];
    $forms = ["Les habitants de $p ont suivi de près $s, selon des sources officielles.", "Le ministre a annoncé mardi de nouvelles mesures sur $s.", "À $p, les commerçants disent attendre des réponses concrètes.", "Un rapport publié cette semaine fait le point sur $s dans la région.", "« Nous voulons des actes », a déclaré une responsable d'association à $p."];
    return $forms[mt_rand(0, count($forms) - 1)];
};
$para = function () use ($sentence) { $t = []; for ($i = 0; $i < mt_rand(2, 4); $i++) { $t[] = $sentence(); } return implode(' ', $t); };
$blocks = function () use ($para, $pictures) {
    [$pid, $purl] = $pictures[mt_rand(0, count($pictures) - 1)];
    [$gid1, $gurl1] = $pictures[mt_rand(0, count($pictures) - 1)];
    [$gid2, $gurl2] = $pictures[mt_rand(0, count($pictures) - 1)];
    $out = "<!-- wp:paragraph -->\n<p>" . $para() . "</p>\n<!-- /wp:paragraph -->\n\n";
    $out .= "<!-- wp:heading -->\n<h2>Ce qu'il faut retenir</h2>\n<!-- /wp:heading -->\n\n";
    $out .= "<!-- wp:list -->\n<ul><li>" . $para() . "</li><li>Une deuxième idée.</li></ul>\n<!-- /wp:list -->\n\n";
    $out .= "<!-- wp:image {\"id\":$pid,\"sizeSlug\":\"large\"} -->\n<figure class=\"wp-block-image size-large\"><img src=\"$purl\" alt=\"Une vue\" class=\"wp-image-$pid\"/><figcaption>Une légende de la photo.</figcaption></figure>\n<!-- /wp:image -->\n\n";
    $out .= "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>« Nous voulons des actes. »</p><cite>Une habitante</cite></blockquote>\n<!-- /wp:quote -->\n\n";
    if (mt_rand(0, 2) == 0) {
        $out .= "<!-- wp:pullquote -->\n<figure class=\"wp-block-pullquote\"><blockquote><p>La saison sera décisive.</p><cite>Un planteur</cite></blockquote></figure>\n<!-- /wp:pullquote -->\n\n";
        $out .= "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>Ville</td><td>Prix</td></tr><tr><td>Abidjan</td><td>450 F</td></tr></tbody></table></figure>\n<!-- /wp:table -->\n\n";
        $out .= "<!-- wp:gallery {\"linkTo\":\"none\"} -->\n<figure class=\"wp-block-gallery has-nested-images columns-default\"><!-- wp:image {\"id\":$gid1} -->\n<figure class=\"wp-block-image\"><img src=\"$gurl1\" alt=\"\" class=\"wp-image-$gid1\"/></figure>\n<!-- /wp:image -->\n\n<!-- wp:image {\"id\":$gid2} -->\n<figure class=\"wp-block-image\"><img src=\"$gurl2\" alt=\"\" class=\"wp-image-$gid2\"/></figure>\n<!-- /wp:image --></figure>\n<!-- /wp:gallery -->\n\n";
        $out .= "<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\",\"type\":\"video\",\"providerNameSlug\":\"youtube\"} -->\n<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube\"><div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div></figure>\n<!-- /wp:embed -->\n\n";
    }
    return $out . "<!-- wp:paragraph -->\n<p>" . $para() . "</p>\n<!-- /wp:paragraph -->";
};
$classic = function () use ($para, $pictures) {
    [$pid, $purl] = $pictures[mt_rand(0, count($pictures) - 1)];
    $ids = implode(',', array_map(fn($p) => $p[0], array_slice($pictures, mt_rand(0, 5), 3)));
    $out = $para() . "\n\n[caption id=\"attachment_$pid\" align=\"aligncenter\" width=\"800\"]<img class=\"size-large wp-image-$pid\" src=\"$purl\" alt=\"Photo\" width=\"800\" height=\"533\" /> Une légende classique.[/caption]\n\n" . $para();
    if (mt_rand(0, 3) == 0) { $out .= "\n\n[gallery ids=\"$ids\"]"; }
    if (mt_rand(0, 3) == 0) { $out .= "\n\n[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]"; }
    if (mt_rand(0, 5) == 0) { $out .= "\n\n[video src=\"https://journal.example.org/wp-content/uploads/2024/03/reportage.mp4\"]"; }
    if (mt_rand(0, 5) == 0) { $out .= "\n\n[audio src=\"https://journal.example.org/wp-content/uploads/2024/03/interview.mp3\"]"; }
    return $out . "\n\n" . $para();
};
for ($n = 0; $n < $POSTS; $n++) {
    $roll = mt_rand(0, 99);
    $status = $roll < 85 ? 'publish' : ($roll < 90 ? 'draft' : ($roll < 93 ? 'pending' : ($roll < 95 ? 'private' : ($roll < 97 ? 'future' : 'trash'))));
    $when = $status === 'future' ? time() + mt_rand(1, 30) * 86400 : time() - mt_rand(60, 86400 * 365 * 8);
    $title = ucfirst($subjects[mt_rand(0, count($subjects) - 1)]) . ' à ' . $places[mt_rand(0, count($places) - 1)] . " ($n)";
    $post = [
        'post_title' => $title, 'post_content' => mt_rand(0, 1) ? $blocks() : $classic(),
        'post_excerpt' => mt_rand(0, 2) ? $para() : '', 'post_status' => $status === 'trash' ? 'publish' : $status,
        'post_author' => $authors[mt_rand(0, count($authors) - 1)], 'post_category' => [$cats[mt_rand(0, count($cats) - 1)]],
        'tags_input' => array_map(fn($i) => $tags[$i], (array) array_rand($tags, mt_rand(1, 4))),
        'post_date' => wp_date('Y-m-d H:i:s', $when), 'post_password' => mt_rand(0, 150) == 0 ? 'secret' : '',
    ];
    $id = wp_insert_post($post, true);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); continue; }
    if ($status === 'trash') { wp_trash_post($id); }
    if (mt_rand(0, 2) == 0) { set_post_thumbnail($id, $pictures[mt_rand(0, count($pictures) - 1)][0]); }
    if (mt_rand(0, 3) == 0) { update_post_meta($id, '_yoast_wpseo_title', "$title – Le Journal du Sahel"); update_post_meta($id, '_yoast_wpseo_metadesc', 'Ce que dit le rapport, en bref.'); }
    elseif (mt_rand(0, 3) == 0) { update_post_meta($id, 'rank_math_title', "$title | Journal"); update_post_meta($id, 'rank_math_description', 'Le point sur la situation.'); }
    for ($c = 0; $c < mt_rand(0, 2); $c++) { wp_insert_comment(['comment_post_ID' => $id, 'comment_author' => 'Lecteur', 'comment_content' => 'Merci pour cet article.', 'comment_approved' => 1]); }
    if ($n % 250 == 0) { fwrite(STDERR, "$n\n"); }
}
wp_insert_post(['post_title' => 'À propos', 'post_content' => 'Le journal.', 'post_status' => 'publish', 'post_type' => 'page']);
ob_start();
export_wp(['content' => 'all']);
$xml = ob_get_clean();
file_put_contents($argv[2], $xml);
fwrite(STDERR, "exported " . strlen($xml) . " bytes\n");
