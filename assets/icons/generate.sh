#!/bin/sh
# Makes every icon from the vector source initscope.svg, with tools from Debian:
#   apt-get install librsvg2-bin imagemagick icnsutils
set -e
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w $s -h $s initscope.svg -o icon-$s.png
done
convert icon-16.png icon-24.png icon-32.png icon-48.png icon-64.png icon-256.png initscope.ico
png2icns initscope.icns icon-16.png icon-32.png icon-128.png icon-256.png icon-512.png
