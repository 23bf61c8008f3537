"""Draws the pictures the samples name (today: the organisation chart of the Bekasi sample) as
SVG and turns them into PNG with ImageMagick (a developer's tool, not a dependency).

    python tools/make_sample_pictures.py      # writes samples/bagan-organisasi-bekasi.png

The chart is a plain drawing of the units the sample's own text lists (Subbab 1.2), not a copy of
the agency's published chart. The PNG is committed; run this only to change the drawing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "samples" / "bagan-organisasi-bekasi.png"

HEAD = "KEPALA DINAS"
STAFF = ("SEKRETARIAT", ("Sub Bagian Umum dan Kepegawaian", "Sub Bagian Keuangan",
                         "Substansi Perencanaan"))
FUNCTIONAL = "KELOMPOK JABATAN FUNGSIONAL"
FIELDS = (
    ("BIDANG PENGELOLAAN INFORMASI PUBLIK", ("Substansi Komunikasi Publik",
                                             "Substansi Pengelolaan Informasi Publik",
                                             "Substansi Layanan Komunikasi dan Informasi Publik")),
    ("BIDANG TEKNOLOGI INFORMASI DAN KOMUNIKASI", ("Substansi Infrastruktur Jaringan TIK",
                                                   "Substansi Infrastruktur Layanan Data Center",
                                                   "Substansi Keamanan Informasi")),
    ("BIDANG E-GOVERNMENT", ("Substansi Pengembangan Aplikasi",
                             "Substansi Pengembangan e-Government",
                             "Substansi Tata Kelola e-Government")),
    ("BIDANG STATISTIK DAN PERSANDIAN", ("Substansi Statistik Sektor I",
                                         "Substansi Statistik Sektor II",
                                         "Substansi Persandian")),
)
W, H = 1600, 900
BOX_W, BOX_H = 360, 70


def box(x: float, y: float, w: float, h: float, text: str, bold: bool = False,
        size: int = 17) -> str:
    lines = _wrap(text, int((w - 20) / (size * (0.68 if bold else 0.55))))
    out = [f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="#ffffff" stroke="#000000" '
           'stroke-width="2"/>']
    top = y + h / 2 - (len(lines) - 1) * size * 0.6
    for i, line in enumerate(lines):
        out.append(f'<text x="{x + w / 2}" y="{top + i * size * 1.2 + size * 0.35}" '
                   f'font-family="Arial, Liberation Sans, sans-serif" font-size="{size}" '
                   f'font-weight="{"bold" if bold else "normal"}" text-anchor="middle">'
                   f"{escape(line)}</text>")
    return "\n".join(out)


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def line(x1: float, y1: float, x2: float, y2: float) -> str:
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#000000" stroke-width="2"/>'


def svg() -> str:
    parts = [f'<rect width="{W}" height="{H}" fill="#ffffff"/>']
    cx = W / 2
    parts.append(box(cx - BOX_W / 2, 30, BOX_W, BOX_H, HEAD, bold=True))
    parts.append(line(cx, 30 + BOX_H, cx, 470))
    # staff: the secretariat to the right, its three sub units under it
    sx, sy = cx + 150, 150
    parts.append(line(cx, sy + BOX_H / 2, sx, sy + BOX_H / 2))
    parts.append(box(sx, sy, BOX_W, BOX_H, STAFF[0], bold=True))
    sub_w = 230
    for i, name in enumerate(STAFF[1]):
        x = cx + 40 + i * (sub_w + 15)
        parts.append(line(sx + BOX_W / 2, sy + BOX_H, sx + BOX_W / 2, sy + BOX_H + 25))
        parts.append(line(x + sub_w / 2, sy + BOX_H + 25, sx + BOX_W / 2, sy + BOX_H + 25))
        parts.append(line(x + sub_w / 2, sy + BOX_H + 25, x + sub_w / 2, sy + BOX_H + 45))
        parts.append(box(x, sy + BOX_H + 45, sub_w, 60, name, size=15))
    # functional group to the left
    parts.append(line(cx - 150, 230, cx, 230))
    parts.append(box(cx - 150 - 300, 195, 300, BOX_H, FUNCTIONAL, bold=True, size=16))
    # the four fields in a row, each with its three sub units
    field_w, gap = 370, 20
    left = (W - 4 * field_w - 3 * gap) / 2
    parts.append(line(left + field_w / 2, 470, left + 3 * (field_w + gap) + field_w / 2, 470))
    for i, (name, subs) in enumerate(FIELDS):
        x = left + i * (field_w + gap)
        parts.append(line(x + field_w / 2, 470, x + field_w / 2, 500))
        parts.append(box(x, 500, field_w, 80, name, bold=True, size=16))
        for j, sub in enumerate(subs):
            y = 610 + j * 90
            parts.append(line(x + 20, 580, x + 20, y + 35))
            parts.append(line(x + 20, y + 35, x + 40, y + 35))
            parts.append(box(x + 40, y, field_w - 40, 70, sub, size=15))
    body = "\n".join(parts)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
            f'viewBox="0 0 {W} {H}">\n{body}\n</svg>\n')


def main() -> int:
    converter = shutil.which("convert")
    if converter is None:
        print("ImageMagick's convert is needed to turn the drawing into PNG "
              "(apt-get install imagemagick)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (OUT.stem + ".svg")
        src.write_text(svg(), encoding="utf-8")
        subprocess.run([converter, "-density", "96", str(src), "-colorspace", "Gray",
                        "-depth", "8", str(OUT)], check=True)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
