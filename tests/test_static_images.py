"""Images under docs/ are published only if every part of them is picture, and
files whose names could identify someone are not published at all.

The images are made here, part by part, with struct and zlib: each test says
exactly which chunk or segment it adds. What an image holds and what a file is
called are never quoted by a finding.
"""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from checks.model.image_metadata import image_problem
from kbfactory import TODAY, kb, write
from sitehelp import mkdocs, write_site_config

#: What the metadata says in every test: it must never reach a report or the site.
SECRET = b"Kayden Mulvaney, 14 Tanners Row"
#: A file name that identifies a child.
NAMED = "docs/assets/kayden-mulvaney.png"
#: An image whose colours are the secret's bytes.
PALETTE = "docs/assets/palette.png"


# -- images, part by part --------------------------------------------------------


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(*extra: bytes) -> bytes:
    """A 1x1 RGB PNG, with ``extra`` chunks before its pixels."""
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    pixels = png_chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
    return b"\x89PNG\r\n\x1a\n" + header + b"".join(extra) + pixels + png_chunk(b"IEND", b"")


def segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


JFIF = segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")


def jpeg(*extra: bytes, app0: bytes = JFIF) -> bytes:
    """A baseline JPEG's structure: JFIF, ``extra`` segments, tables, frame, one
    scan (with a stuffed 0xFF and a restart marker in its data) and the end."""
    tables = segment(0xDB, b"\x00" + bytes(range(1, 65))) + segment(
        0xC4, b"\x00" + bytes([1] + [0] * 15) + b"\x00"
    )
    frame = segment(0xC0, struct.pack(">BHHB", 8, 1, 1, 1) + b"\x01\x11\x00")
    scan = segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x12\xff\x00\x34\xff\xd0\x56"
    return b"\xff\xd8" + app0 + b"".join(extra) + tables + frame + scan + b"\xff\xd9"


NETSCAPE_LOOP = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
GRAPHIC_CONTROL = b"\x21\xf9\x04\x00\x00\x00\x00\x00"


def gif(*extensions: bytes) -> bytes:
    """A 1x1 GIF89a with a two-colour table, ``extensions``, one image, the trailer."""
    screen = struct.pack("<HHBBB", 1, 1, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x44\x01\x00"
    return b"GIF89a" + screen + b"".join(extensions) + image + b"\x3b"


def riff_chunk(kind: bytes, data: bytes) -> bytes:
    return kind + struct.pack("<I", len(data)) + data + b"\x00" * (len(data) & 1)


def webp(*extra: bytes) -> bytes:
    """A WebP's structure: a lossless picture chunk and ``extra`` chunks."""
    body = b"WEBP" + riff_chunk(b"VP8L", b"\x2f\x00\x00\x00\x00\x07") + b"".join(extra)
    return b"RIFF" + struct.pack("<I", len(body)) + body


CLEAN = {
    ".png": png(
        png_chunk(b"sRGB", b"\x00"),
        png_chunk(b"gAMA", struct.pack(">I", 45455)),
        png_chunk(b"pHYs", struct.pack(">IIB", 2835, 2835, 1)),
    ),
    ".jpg": jpeg(segment(0xEE, b"Adobe\x00\x64\x00\x00\x00\x00\x01")),
    ".gif": gif(NETSCAPE_LOOP, GRAPHIC_CONTROL),
    ".webp": webp(),
}

#: Each part that is not picture, in the image it can hide in, and what the
#: finding calls it.
REFUSED: dict[str, tuple[str, bytes, str]] = {
    "png-text": (".png", png(png_chunk(b"tEXt", b"Comment\x00" + SECRET)), "tEXt"),
    "png-ztext": (
        ".png",
        png(png_chunk(b"zTXt", b"Author\x00\x00" + zlib.compress(SECRET))),
        "zTXt",
    ),
    "png-itext": (".png", png(png_chunk(b"iTXt", b"XML\x00\x00\x00\x00\x00" + SECRET)), "iTXt"),
    "png-exif": (".png", png(png_chunk(b"eXIf", b"MM\x00*" + SECRET)), "eXIf"),
    "png-time": (".png", png(png_chunk(b"tIME", b"\x07\xe7\x07\x04\x0c\x00\x00")), "tIME"),
    "png-profile": (".png", png(png_chunk(b"iCCP", SECRET[:20] + b"\x00\x00" + b"x")), "iCCP"),
    "png-unknown": (".png", png(png_chunk(b"prVt", SECRET)), "kind not allowed"),
    "jpeg-comment": (".jpg", jpeg(segment(0xFE, SECRET)), "COM"),
    "jpeg-exif": (".jpg", jpeg(segment(0xE1, b"Exif\x00\x00" + SECRET)), "APP1"),
    "jpeg-xmp": (".jpg", jpeg(segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + SECRET)), "APP1"),
    "jpeg-profile": (".jpg", jpeg(segment(0xE2, b"ICC_PROFILE\x00" + SECRET)), "APP2"),
    "jpeg-photoshop": (".jpg", jpeg(segment(0xED, b"Photoshop 3.0\x00" + SECRET)), "APP13"),
    "jpeg-not-jfif": (".jpg", jpeg(app0=segment(0xE0, b"JFXX\x00" + SECRET)), "APP0"),
    "gif-comment": (".gif", gif(b"\x21\xfe" + bytes([len(SECRET)]) + SECRET + b"\x00"), "comment"),
    "gif-plain-text": (
        ".gif",
        gif(b"\x21\x01\x0c" + bytes(12) + bytes([len(SECRET)]) + SECRET + b"\x00"),
        "plain text",
    ),
    "gif-xmp": (
        ".gif",
        gif(b"\x21\xff\x0bXMP DataXMP" + bytes([len(SECRET)]) + SECRET + b"\x00"),
        "application",
    ),
    "gif-netscape-more": (
        ".gif",
        gif(b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00" + bytes([len(SECRET)]) + SECRET + b"\x00"),
        "application",
    ),
    "webp-exif": (".webp", webp(riff_chunk(b"EXIF", SECRET)), "EXIF"),
    "webp-xmp": (".webp", webp(riff_chunk(b"XMP ", SECRET)), "XMP"),
    "webp-unknown": (".webp", webp(riff_chunk(b"prVt", SECRET)), "kind not allowed"),
    "png-after-end": (".png", png() + SECRET, "after its end"),
    "jpeg-after-end": (".jpg", jpeg() + SECRET, "after its end"),
    "gif-after-end": (".gif", gif() + SECRET, "after its end"),
    "png-bad-checksum": (".png", png()[:-5] + b"\x00" + png()[-4:], "checksum"),
}


# -- the allow list itself ---------------------------------------------------------


@pytest.mark.parametrize("suffix", sorted(CLEAN))
def test_an_image_of_picture_only_is_allowed(suffix: str) -> None:
    assert image_problem(CLEAN[suffix], suffix) is None


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_each_part_that_is_not_picture_is_refused_by_name_without_its_text(case: str) -> None:
    suffix, data, named = REFUSED[case]
    why = image_problem(data, suffix)
    assert why is not None and named in why
    assert "Kayden" not in why and "Tanners" not in why


@pytest.mark.parametrize("suffix", sorted(CLEAN))
def test_a_cut_short_image_is_refused_at_every_length_without_an_exception(suffix: str) -> None:
    whole = CLEAN[suffix]
    for length in range(len(whole)):
        assert image_problem(whole[:length], suffix) is not None, length


def test_images_pillow_writes_without_metadata_pass_and_with_it_do_not() -> None:
    pil = pytest.importorskip("PIL.Image")
    import io

    picture = pil.new("RGB", (16, 12), (200, 30, 30))

    def saved(fmt: str, **kw: Any) -> bytes:
        out = io.BytesIO()
        picture.save(out, fmt, **kw)
        return out.getvalue()

    for fmt, suffix, kw in [
        ("PNG", ".png", {}),
        ("JPEG", ".jpg", {}),
        ("JPEG", ".jpg", {"progressive": True}),
        ("GIF", ".gif", {}),
        ("WEBP", ".webp", {}),
        ("WEBP", ".webp", {"lossless": True}),
        ("ICO", ".ico", {}),
        ("ICO", ".ico", {"bitmap_format": "bmp"}),
    ]:
        assert image_problem(saved(fmt, **kw), suffix) is None, (fmt, kw)
    assert image_problem(saved("JPEG", comment=SECRET), ".jpg") is not None
    assert image_problem(saved("GIF", comment=SECRET), ".gif") is not None
    assert image_problem(saved("WEBP", exif=b"Exif\x00\x00" + SECRET), ".webp") is not None


# -- kb check ------------------------------------------------------------------------


def _at(case: str, suffix: str) -> str:
    """Where a refused image is saved: a folder a word (two words joined by a
    hyphen, "jpeg-exif", read as a name, would be refused for that)."""
    return f"docs/assets/{case.replace('-', '/')}{suffix}"


def _docs(files: dict[str, Any]) -> dict[str, Any]:
    """The knowledge base with the clean, the refused and the named images."""
    images: dict[str, bytes] = {f"docs/assets/clean{s}": data for s, data in CLEAN.items()}
    images |= {_at(case, s): data for case, (s, data, _) in REFUSED.items()}
    images["docs/assets/cut-short.png"] = CLEAN[".png"][:40]
    images[NAMED] = CLEAN[".png"]
    # Every part is picture, but the palette's colour bytes spell the secret.
    images[PALETTE] = png(png_chunk(b"PLTE", SECRET.ljust(33)))
    return {**files, **images}


def test_kb_check_reports_each_refused_image_at_line_1_with_how_to_fix_it(files, check) -> None:
    result = check(_docs(files))
    sec004 = {f.file: f for f in result.findings if f.code == "SEC004"}
    for case, (suffix, _data, named) in REFUSED.items():
        finding = sec004[_at(case, suffix)]
        assert finding.line == 1 and named in finding.message
        assert "re-export the image without metadata" in finding.message
    assert "cut short" in sec004["docs/assets/cut-short.png"].message
    assert not any(f"docs/assets/clean{s}" in sec004 for s in CLEAN)
    # The palette passes the allow list, and the gate reads the text its bytes spell.
    assert image_problem(_docs(files)[PALETTE], ".png") is None
    ano001 = {f.file for f in result.findings if f.code == "ANO001"}
    assert PALETTE in ano001
    assert not any(f"docs/assets/clean{s}" in ano001 for s in CLEAN)


def test_a_warm_run_reports_the_same_images_without_reading_them_again(
    files, tmp_path: Path
) -> None:
    """The verdict on an image is kept in the parse cache by its bytes: a warm run
    reports every refused image as a fresh one does, and an edited image is read
    afresh."""
    from checks.loading import load
    from checks.rules.engine import run
    from checks.speed.cache import ParseCache, using

    root = write(tmp_path / "kb", _docs(files))

    def sec004(cache: ParseCache | None) -> list[tuple[str, str]]:
        with using(cache):
            result = run(load(root), TODAY, select=("SEC004",))
        if cache is not None:
            cache.save()
        return sorted((f.file, f.message) for f in result.findings)

    fresh = sec004(None)
    assert len(fresh) >= len(REFUSED)
    assert sec004(ParseCache.for_root(root, tmp_path / "c")) == fresh
    warm = ParseCache.for_root(root, tmp_path / "c")
    assert sec004(warm) == fresh
    assert warm.kinds()["IMAGE .png"] >= 1 and warm.misses == 0
    # A clean image replaced by a refused one is read again and reported.
    (root / "docs/assets/clean.png").write_bytes(png(png_chunk(b"tEXt", b"Title\x00Edited")))
    edited = ParseCache.for_root(root, tmp_path / "c")
    assert ("docs/assets/clean.png" in {f for f, _ in sec004(edited)}) and edited.misses == 1


def test_a_file_named_after_someone_is_reported_by_a_number_never_its_name(
    files, tmp_path: Path
) -> None:
    root = write(tmp_path / "kb", _docs(files))
    as_of = ("--as-of", TODAY.isoformat())
    _, text, text_err = kb("check", str(root), *as_of)
    _, out, json_err = kb("check", str(root), "--format", "json", *as_of)
    for said in (text, text_err, out, json_err):
        assert "kayden" not in said.lower() and "mulvaney" not in said.lower()
        assert "tanners" not in said.lower()
    named = [
        f
        for f in json.loads(out)["findings"]
        if f["code"] == "SEC004" and "could identify someone" in f["message"]
    ]
    assert [(f["file"], f["line"]) for f in named] == [("docs/assets/(file 1).png", 1)]
    assert "(name)" in named[0]["message"]


# -- the site ------------------------------------------------------------------------


@pytest.mark.slow
def test_the_site_publishes_clean_images_byte_for_byte_and_nothing_else(files, tmp_path) -> None:
    root = write(tmp_path / "kb", _docs(files))
    write_site_config(root)
    proc = mkdocs(root, root / "site")
    assert "Traceback" not in proc.stderr
    site = root / "site"
    assert site.is_dir(), proc.stderr
    for suffix, data in CLEAN.items():
        assert (site / f"assets/clean{suffix}").read_bytes() == data
    published = {p.relative_to(site).as_posix() for p in site.rglob("*")}
    for case, (suffix, _data, _named) in REFUSED.items():
        assert _at(case, suffix).removeprefix("docs/") not in published
    assert "assets/cut-short.png" not in published
    assert PALETTE.removeprefix("docs/") not in published
    assert not any("kayden" in p for p in published)
    log = (proc.stdout + proc.stderr).lower()
    assert "kayden" not in log and "tanners" not in log
    every_byte = b"".join(p.read_bytes() for p in site.rglob("*") if p.is_file())
    assert b"Kayden" not in every_byte and b"kayden" not in every_byte


def test_a_png_whose_image_data_holds_more_than_its_pixels_is_refused() -> None:
    """Text stored in the zlib stream after the last row (red team r6-lk-png-idat-
    stored-trailing) inflates to more than the header's rows."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    for raw in (b"\x00\x00" + b"Kayden Mulvaney 2016-03-04", b""):
        data = (
            b"\x89PNG\r\n\x1a\n"
            + png_chunk(b"IHDR", header)
            + png_chunk(b"IDAT", zlib.compress(raw))
            + png_chunk(b"IEND", b"")
        )
        problem = image_problem(data, ".png")
        assert problem is not None and "Kayden" not in problem
    exact = (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + png_chunk(b"IEND", b"")
    )
    assert image_problem(exact, ".png") is None
