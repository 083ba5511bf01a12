"""Writes the SEG-Y files of SegyFilesTest with an implementation independent of Seiche's:
segyio (Debian's python3-segyio) where it writes the format, else struct and numpy.

usage: make_segy.py DIR CASE...   with CASE = name:writer:format:endian:rev:text:ext
  writer segyio | raw; endian big | little; text ebcdic | ascii; ext = extended textual
  headers (-1 = variable, ended by ((SEG: EndText)))
       make_segy.py --dump FILE OUT  reads FILE (a Seiche-written rev 2 file) with segyio and
  writes OUT.f64 (samples, float64 little-endian) and OUT.i32 (per trace: fldr, tracf,
  sx, sy, gx, gy, scalco, gelev, sdepth, scalel, ns, dt as int32 little-endian)
"""
import struct
import sys

import numpy as np

SHOTS, PER_SHOT, NT, DT = 3, 4, 7, 2000
FLOAT_FORMATS = (1, 5, 6)
UNSIGNED_FORMATS = (10, 11, 12, 15, 16)
NUMPY = {2: 'i4', 3: 'i2', 5: 'f4', 6: 'f8', 8: 'i1', 9: 'i8', 10: 'u4', 11: 'u2', 12: 'u8', 16: 'u1'}


def value(i, j, fmt):
    # the same values SegyFilesTest expects: exact in every format
    v = (i * 7 + j * 3) % 50
    if fmt not in UNSIGNED_FORMATS:
        v -= 25
    if fmt in FLOAT_FORMATS:
        v += 0.25
    return v


def headers(i):
    s, k = divmod(i, PER_SHOT)
    return dict(fldr=10 + s, tracf=k + 1, scalco=-10, sx=1000 * s + 500, sy=30, gx=1000 * s + 200 * k, gy=0,
                scalel=100, gelev=-2, selev=1, sdepth=3, counit=1, ns=NT, dt=DT)


def ibm(v):
    if v == 0:
        return 0
    sign = 0x80000000 if v < 0 else 0
    v = abs(v)
    e = 64
    while v >= 1:
        v /= 16
        e += 1
    while v < 1 / 16:
        v *= 16
        e -= 1
    return sign | (e << 24) | int(round(v * (1 << 24)))


def text_header(ascii_text, lines):
    body = ''.join(('C%2d %s' % (n + 1, lines.get(n + 1, ''))).ljust(80)[:80] for n in range(40))
    return body.encode('ascii' if ascii_text else 'cp037')


def samples(i, fmt, endian):
    e = '>' if endian == 'big' else '<'
    vals = [value(i, j, fmt) for j in range(NT)]
    if fmt == 1:
        return b''.join(struct.pack(e + 'I', ibm(v)) for v in vals)
    if fmt in (7, 15):
        return b''.join(int(v).to_bytes(3, endian, signed=fmt == 7) for v in vals)
    return np.array(vals, dtype=e + NUMPY[fmt]).tobytes()


def raw(path, fmt, endian, rev, ascii_text, ext):
    e = '>' if endian == 'big' else '<'
    out = bytearray(text_header(ascii_text, {1: 'RAW WRITER FORMAT %d %s REV %d' % (fmt, endian, rev)}))
    b = bytearray(400)
    struct.pack_into(e + 'hhh', b, 16, DT, DT, NT)
    struct.pack_into(e + 'hh', b, 20, NT, NT)
    struct.pack_into(e + 'h', b, 24, fmt)
    struct.pack_into(e + 'h', b, 54, 1)
    if rev == 1:
        struct.pack_into(e + 'H', b, 300, 0x0100)
    if rev == 2:
        b[300], b[301] = 2, 0
        struct.pack_into(e + 'i', b, 96, 0x01020304)
    if rev >= 1:
        struct.pack_into(e + 'hh', b, 302, 1, ext)
    out += b
    blocks = 2 if ext == -1 else ext
    for n in range(blocks):
        last = ext == -1 and n == blocks - 1
        block = ('((SEG: EndText))' if last else '((SEG: Seiche test block %d))' % n).ljust(3200)
        out += block.encode('ascii' if ascii_text else 'cp037')
    for i in range(SHOTS * PER_SHOT):
        h = headers(i)
        t = bytearray(240)
        struct.pack_into(e + 'ii', t, 8, h['fldr'], h['tracf'])
        struct.pack_into(e + 'iii', t, 40, h['gelev'], h['selev'], h['sdepth'])
        struct.pack_into(e + 'hh', t, 68, h['scalel'], h['scalco'])
        struct.pack_into(e + 'iiiih', t, 72, h['sx'], h['sy'], h['gx'], h['gy'], h['counit'])
        struct.pack_into(e + 'HH', t, 114, h['ns'], h['dt'])
        out += t + samples(i, fmt, endian)
    with open(path, 'wb') as f:
        f.write(out)


def with_segyio(path, fmt, endian, rev, ascii_text, ext):
    import segyio
    spec = segyio.spec()
    spec.format = fmt
    spec.samples = range(NT)
    spec.tracecount = SHOTS * PER_SHOT
    spec.endian = endian
    spec.ext_headers = ext
    su = segyio.su
    with segyio.create(path, spec) as f:
        f.text[0] = segyio.tools.create_text_header({1: 'SEGYIO FORMAT %d %s REV %d' % (fmt, endian, rev)})
        for n in range(ext):
            f.text[n + 1] = segyio.tools.create_text_header({1: 'EXTENDED %d' % n})
        f.bin.update({segyio.BinField.Interval: DT, segyio.BinField.SEGYRevision: [0, 0x0100, 0x0200][rev],
                      segyio.BinField.TraceFlag: 1, segyio.BinField.ExtendedHeaders: ext})
        dtype = np.float32 if fmt in FLOAT_FORMATS else np.int32
        for i in range(SHOTS * PER_SHOT):
            h = headers(i)
            f.header[i] = {su.fldr: h['fldr'], su.tracf: h['tracf'], su.scalco: h['scalco'], su.sx: h['sx'],
                           su.sy: h['sy'], su.gx: h['gx'], su.gy: h['gy'], su.scalel: h['scalel'], su.gelev: h['gelev'],
                           su.selev: h['selev'], su.sdepth: h['sdepth'], su.counit: h['counit'], su.ns: h['ns'],
                           su.dt: h['dt']}
            f.trace[i] = np.array([value(i, j, fmt) for j in range(NT)], dtype=dtype)
    if ascii_text:
        with open(path, 'r+b') as f:
            f.write(text_header(True, {1: 'SEGYIO, ASCII TEXT'}))


def dump(path, out):
    import segyio
    su = segyio.su
    with segyio.open(path, ignore_geometry=True) as f:
        np.asarray(f.trace.raw[:], dtype='<f8').tofile(out + '.f64')
        keys = [su.fldr, su.tracf, su.sx, su.sy, su.gx, su.gy, su.scalco, su.gelev, su.sdepth, su.scalel, su.ns, su.dt]
        np.array([[h[k] for k in keys] for h in f.header], dtype='<i4').tofile(out + '.i32')


if __name__ == '__main__':
    if sys.argv[1] == '--dump':
        dump(sys.argv[2], sys.argv[3])
    else:
        for case in sys.argv[2:]:
            name, writer, fmt, endian, rev, text, ext = case.split(':')
            make = with_segyio if writer == 'segyio' else raw
            make('%s/%s.sgy' % (sys.argv[1], name), int(fmt), endian, int(rev), text == 'ascii', int(ext))
