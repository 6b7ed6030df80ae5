"""Whether an image holds nothing but its picture, read part by part by allow list.

An image is published byte for byte, and the formats carry text beside the
pixels: a PNG's ``tEXt`` chunk, a JPEG's comment or EXIF segment, a GIF's
comment extension. A camera or an editor writes a name, a street, a GPS
position or a date there, and nobody sees it in the picture. So an image in the
docs folder is published only if every part of it is one that carries pixels or
colour (the lists below), and its structure is whole: lengths add up, nothing
follows the end. What is not on the list (including a kind this code has never
heard of) keeps the image off the site; nothing is re-encoded or cut out, as the
contributor's own tool can export a clean copy and this code cannot tell a
harmless extra from a harmful one.

:func:`image_problem` says why an image may not be published, or None. It
never quotes what the image holds: a part is named by a fixed description.
"""

from __future__ import annotations

import struct
import zlib

#: PNG chunks that carry pixels, palette, transparency or colour. Not ``iCCP``:
#: an ICC profile has a free-text name and description.
PNG_CHUNKS = frozenset(
    {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"bKGD"}
    | {b"pHYs"}
)
#: How each refused PNG chunk is described (a chunk type is four letters the
#: file chose: only these known ones are named).
_PNG_NAMED = {
    b"tEXt": "a text chunk (tEXt)",
    b"zTXt": "a compressed text chunk (zTXt)",
    b"iTXt": "an international text chunk (iTXt, often XMP)",
    b"eXIf": "an EXIF chunk (eXIf)",
    b"tIME": "a time stamp chunk (tIME)",
    b"iCCP": "a colour profile chunk (iCCP, which carries free text)",
    b"sPLT": "a suggested palette chunk (sPLT, which carries a name)",
    b"hIST": "a histogram chunk (hIST)",
}

#: JPEG markers with a length that carry the picture: start of frame (every
#: coding process but the arithmetic ones' tables, which no common tool writes),
#: Huffman and quantisation tables, restart interval.
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
_JPEG_TABLES = _SOF | {0xC4, 0xDB, 0xDD}
_SOS, _EOI, _APP0, _APP14, _COM = 0xDA, 0xD9, 0xE0, 0xEE, 0xFE

#: WebP chunks that carry the picture, its alpha and animation.
_WEBP_CHUNKS = frozenset({b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"})
_FRAME_CHUNKS = frozenset({b"VP8 ", b"VP8L", b"ALPH"})
_WEBP_NAMED = {
    b"EXIF": "an EXIF chunk",
    b"XMP ": "an XMP metadata chunk",
    b"ICCP": "a colour profile chunk (ICCP)",
}

#: What to do about a refused image, said with every problem.
FIX = "re-export the image without metadata ('Export' or 'Save for web', metadata off)"


class _Bad(Exception):
    """An image not wholly on the allow list; the message says why (no content)."""


def image_problem(data: bytes, suffix: str) -> str | None:
    """Why an image of type ``suffix`` (".png", ...) may not be published, or None.

    A type without a reader here (none of PNG, JPEG, GIF, WebP, ICO) is None:
    :mod:`checks.model.publication` decides which types are published at all.
    """
    reader = _READERS.get(suffix.lower())
    if reader is None:
        return None
    try:
        reader(data)
    except _Bad as exc:
        return str(exc)
    except (struct.error, IndexError, ValueError):
        return "it is damaged or cut short"
    return None


def _png(data: bytes, at: int = 0) -> int:
    """Read a PNG from ``at``; the offset just after its IEND chunk."""
    if data[at : at + 8] != b"\x89PNG\r\n\x1a\n":
        raise _Bad("it is not a PNG image")
    at += 8
    first = True
    header = b""
    pixels: list[bytes] = []
    while True:
        if at + 12 > len(data):
            raise _Bad("it is damaged or cut short")
        length, kind = struct.unpack_from(">I4s", data, at)
        end = at + 8 + length
        if end + 4 > len(data):
            raise _Bad("it is damaged or cut short")
        # The checksum proves the parts were read where the file meant them.
        if zlib.crc32(data[at + 4 : end]) != struct.unpack_from(">I", data, end)[0]:
            raise _Bad("it is damaged (a chunk's checksum is wrong)")
        if kind not in PNG_CHUNKS:
            raise _Bad(f"it holds {_PNG_NAMED.get(kind, 'a chunk of a kind not allowed')}")
        if first != (kind == b"IHDR"):
            raise _Bad("it is damaged (IHDR is not first)")
        first = False
        if kind == b"IHDR":
            header = data[at + 8 : end]
        elif kind == b"IDAT":
            pixels.append(data[at + 8 : end])
        at = end + 4
        if kind == b"IEND":
            _png_pixels(header, b"".join(pixels))
            return at


#: Samples per pixel of each PNG colour type.
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
#: Adam7's passes: (first column, first row, column step, row step).
_ADAM7 = (
    (0, 0, 8, 8),
    (4, 0, 8, 8),
    (0, 4, 4, 8),
    (2, 0, 4, 4),
    (0, 2, 2, 4),
    (1, 0, 2, 2),
    (0, 1, 1, 2),
)


def _png_pixels(header: bytes, compressed: bytes) -> None:
    """The image data must inflate to exactly the rows the header describes: bytes
    after them (text stored in the zlib stream, after the last row) are refused."""
    if len(header) != 13:
        raise _Bad("it is damaged (its header is the wrong size)")
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if colour not in _CHANNELS or not width or not height:
        raise _Bad("it is damaged (its header is not a PNG's)")
    bits = _CHANNELS[colour] * depth
    passes = _ADAM7 if interlace else ((0, 0, 1, 1),)
    expected = 0
    for x0, y0, dx, dy in passes:
        cols = (width - x0 + dx - 1) // dx if width > x0 else 0
        rows = (height - y0 + dy - 1) // dy if height > y0 else 0
        if cols and rows:
            expected += rows * (1 + (cols * bits + 7) // 8)
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(compressed, expected + 1)
    except zlib.error as exc:
        raise _Bad("it is damaged (its image data does not inflate)") from exc
    if len(raw) != expected or not inflater.eof or inflater.unused_data:
        raise _Bad("its image data holds more or less than its pixels")


def _png_whole(data: bytes) -> None:
    if _png(data) != len(data):
        raise _Bad("it has data after its end")


def _jpeg(data: bytes) -> None:
    if data[:2] != b"\xff\xd8":
        raise _Bad("it is not a JPEG image")
    at = 2
    while True:
        if data[at] != 0xFF:
            raise _Bad("it is damaged (a segment does not start where expected)")
        while data[at] == 0xFF:  # fill bytes may precede a marker
            at += 1
        marker = data[at]
        at += 1
        if marker == _EOI:
            if at != len(data):
                raise _Bad("it has data after its end")
            return
        length = struct.unpack_from(">H", data, at)[0]
        body = data[at + 2 : at + length]
        if length < 2 or len(body) != length - 2:
            raise _Bad("it is damaged or cut short")
        at += length
        if marker == _APP0:
            # JFIF: identifier, version, units, densities, thumbnail size and its
            # pixels (RGB), and nothing else.
            if body[:5] != b"JFIF\x00" or len(body) != 14 + 3 * body[12] * body[13]:
                raise _Bad("it holds an APP0 segment that is not plain JFIF")
        elif marker == _APP14:
            if body[:5] != b"Adobe" or len(body) != 12:
                raise _Bad("it holds an APP14 segment that is not Adobe's colour transform")
        elif marker == _COM:
            raise _Bad("it holds a comment segment (COM)")
        elif marker == 0xE1:
            raise _Bad("it holds an EXIF or XMP segment (APP1)")
        elif marker == 0xE2:
            raise _Bad("it holds an APP2 segment (a colour profile or FlashPix data)")
        elif 0xE0 <= marker <= 0xEF:
            raise _Bad(f"it holds an application segment (APP{marker - 0xE0})")
        elif marker == _SOS:
            at = _entropy(data, at)
        elif marker not in _JPEG_TABLES:
            raise _Bad(f"it holds a segment of a kind not allowed (marker {marker:#04x})")


def _entropy(data: bytes, at: int) -> int:
    """Skip the coded picture after a scan header: any bytes, where 0xFF is
    followed by 0x00 (a stuffed byte) or a restart marker; the offset of the
    next marker."""
    while True:
        at = data.index(b"\xff", at)
        following = data[at + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            at += 2
        elif following == 0xFF:
            at += 1  # a fill byte before the marker
        else:
            return at


def _gif(data: bytes) -> None:
    if data[:6] not in (b"GIF87a", b"GIF89a"):
        raise _Bad("it is not a GIF image")
    flags = data[10]
    at = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    while True:
        block = data[at]
        if block == 0x3B:  # trailer
            if at + 1 != len(data):
                raise _Bad("it has data after its end")
            return
        if block == 0x2C:  # an image: descriptor, colour table, LZW size, data
            flags = data[at + 9]
            at += 10 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0) + 1
            at = _sub_blocks(data, at)[0]
        elif block == 0x21:
            label = data[at + 1]
            at, blocks = _sub_blocks(data, at + 2)
            if label == 0xF9:  # graphic control: delay and transparency
                continue
            if label == 0xFF and blocks[:1] == [b"NETSCAPE2.0"] and _loop_only(blocks[1:]):
                continue
            raise _Bad(
                {
                    0xFE: "it holds a comment extension",
                    0x01: "it holds a plain text extension",
                    0xFF: "it holds an application extension (only NETSCAPE2.0 looping is allowed)",
                }.get(label, "it holds an extension of a kind not allowed")
            )
        else:
            raise _Bad("it is damaged (a block of unknown kind)")
        if at > len(data):
            raise _Bad("it is damaged or cut short")


def _sub_blocks(data: bytes, at: int) -> tuple[int, list[bytes]]:
    """The sub-blocks from ``at`` to their zero terminator, and the offset after it."""
    blocks: list[bytes] = []
    while (size := data[at]) != 0:
        block = data[at + 1 : at + 1 + size]
        if len(block) != size:
            raise _Bad("it is damaged or cut short")
        blocks.append(block)
        at += 1 + size
    return at + 1, blocks


def _loop_only(blocks: list[bytes]) -> bool:
    """NETSCAPE2.0's one sub-block: 1 and a loop count."""
    return len(blocks) == 1 and len(blocks[0]) == 3 and blocks[0][0] == 1


def _webp(data: bytes) -> None:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise _Bad("it is not a WebP image")
    if struct.unpack_from("<I", data, 4)[0] + 8 != len(data):
        raise _Bad("it is damaged, cut short or has data after its end")
    _riff_chunks(data, 12, len(data))


def _riff_chunks(data: bytes, at: int, end: int, frame: bool = False) -> None:
    """The chunks from ``at`` to ``end``; in an animation frame only its picture."""
    allowed = _FRAME_CHUNKS if frame else _WEBP_CHUNKS
    while at < end:
        kind, size = struct.unpack_from("<4sI", data, at)
        stop = at + 8 + size
        if stop > end:
            raise _Bad("it is damaged or cut short")
        if kind not in allowed:
            raise _Bad(f"it holds {_WEBP_NAMED.get(kind, 'a chunk of a kind not allowed')}")
        if kind == b"ANMF":  # a frame: 16 bytes of position and timing, then chunks
            _riff_chunks(data, at + 24, stop, frame=True)
        at = stop + (size & 1)  # chunks are padded to an even length
    if at != end:
        raise _Bad("it is damaged or cut short")


def _ico(data: bytes) -> None:
    """An icon: a directory of images, each a PNG (read as one) or a bitmap
    (header, palette and pixels, whose size is worked out), tiling the file."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1 or count == 0:
        raise _Bad("it is not an icon")
    at = 6 + 16 * count
    for i in range(count):
        size, offset = struct.unpack_from("<II", data, 6 + 16 * i + 8)
        if offset != at or at + size > len(data):
            raise _Bad("it is damaged (its images do not follow one another)")
        image = data[at : at + size]
        if image.startswith(b"\x89PNG"):
            if _png(image) != size:
                raise _Bad("it has data after an image's end")
        elif size not in _bitmap_sizes(image):
            raise _Bad("it is damaged (an image's size is wrong)")
        at += size
    if at != len(data):
        raise _Bad("it has data after its end")


def _bitmap_sizes(image: bytes) -> tuple[int, ...]:
    """A BITMAPINFOHEADER image's possible sizes: header, palette and colour rows,
    then the transparency mask's rows padded to four bytes, to one, or left out
    (writers differ)."""
    header, width, height, _planes, bits, compression, _, _, _, used = struct.unpack_from(
        "<IiiHHIIiiI", image, 0
    )
    if header != 40 or compression not in (0, 3) or width <= 0 or height <= 0:
        raise _Bad("it holds an image of a kind not allowed")
    palette = used or (1 << bits if bits <= 8 else 0)
    rows = height // 2  # the height counts the colour rows and the mask's
    masks = 12 if compression == 3 else 0
    colour = 40 + masks + 4 * palette + rows * ((width * bits + 31) // 32 * 4)
    return colour, colour + rows * ((width + 7) // 8), colour + rows * ((width + 31) // 32 * 4)


_READERS = {
    ".png": _png_whole,
    ".jpg": _jpeg,
    ".jpeg": _jpeg,
    ".gif": _gif,
    ".webp": _webp,
    ".ico": _ico,
}
#: The image types read here (by suffix, lower case).
READ_TYPES = frozenset(_READERS)
