#!/bin/sh
# An export made by WordPress itself (Debian's package, on this machine's MariaDB): a site of
# POSTS posts written through WordPress's own functions (blocks, shortcodes, pictures,
# Yoast and Rank Math fields, every post state, comments), exported by its export_wp().
#   sh bench/wordpress/export.sh [POSTS] [OUT]   # then: manage.py import_wordpress OUT
#        --media-dir /tmp/wordpress-site/wp-content/uploads
# Root only: it installs packages and writes /etc/wordpress/config-localhost.php.
set -eu
POSTS=${1:-5000}
OUT=${2:-/tmp/wordpress-site/export.xml}
SITE=/tmp/wordpress-site
HERE=$(cd "$(dirname "$0")" && pwd)
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wordpress php-cli php-mysql mariadb-server >/dev/null
service mariadb start >/dev/null 2>&1 || (mysqld_safe >/dev/null 2>&1 &)
for _ in 1 2 3 4 5 6 7 8 9 10; do mysqladmin ping >/dev/null 2>&1 && break; sleep 1; done
mysql -uroot -e "DROP DATABASE IF EXISTS wp_bench; CREATE DATABASE wp_bench;
  CREATE USER IF NOT EXISTS 'wp_bench'@'localhost' IDENTIFIED BY 'wp_bench';
  GRANT ALL ON wp_bench.* TO 'wp_bench'@'localhost';"
rm -rf "$SITE" && mkdir -p "$SITE/wp-content/uploads" "$SITE/wp-content/plugins" "$SITE/pictures"
ln -s /usr/share/wordpress/wp-content/themes "$SITE/wp-content/themes"
cat > /etc/wordpress/config-localhost.php <<CONFIG
<?php
define('DB_NAME', 'wp_bench'); define('DB_USER', 'wp_bench'); define('DB_PASSWORD', 'wp_bench');
define('DB_HOST', 'localhost'); define('WP_CONTENT_DIR', '$SITE/wp-content');
define('WP_HOME', 'https://journal.example.org'); define('WP_SITEURL', 'https://journal.example.org');
define('WP_HTTP_BLOCK_EXTERNAL', true); define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
\$table_prefix = 'wp_';
CONFIG
# 24 photographs' worth of JPEG files for the media library.
"$HERE/../../.venv/bin/python" -c "
from PIL import Image
for i in range(24):
    Image.new('RGB', (1200, 800), (40 + 8 * i, 120, 200 - 6 * i)).save(f'$SITE/pictures/photo-{i:02d}.jpg')"
php "$HERE/make_site.php" "$POSTS" "$OUT" "$SITE/pictures" 2>&1 | grep -v sendmail
