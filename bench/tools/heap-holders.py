#!/usr/bin/env python3
"""What a run keeps, from a heap dump: live objects by class, who holds the Strings, and how many
Strings repeat another's text (with the holders of the repeats). Not a test; a profiling aid.

    ./idemlint lint --format json --fail-on never bench/.data/20000/versions > /dev/null &
    sleep 1.9; jcmd $(pgrep -f 'idemlint.jar lint') GC.heap_dump /tmp/heap.hprof
    bench/tools/heap-holders.py /tmp/heap.hprof [--top 30]

(GC.heap_dump collects first, so the dump holds live objects only.) Reads the HPROF 1.0.2 binary
format as the JDK writes it (8-byte ids); ~30 s and a few GB of memory for a 400 MB dump.
"""
import argparse
import collections
import mmap
import struct

SIZES = {2: 8, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}  # basic type -> bytes (2 = object id)
U = struct.unpack_from


def read(path):
    f = open(path, 'rb')
    m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    p = m.find(b'\0') + 1
    if U('>I', m, p)[0] != 8:
        raise SystemExit('only dumps with 8-byte ids are read')
    p += 12
    names, classname, classinfo = {}, {}, {}
    inst, objarr, prims = [], [], {}
    while p < len(m):
        tag, length = m[p], U('>I', m, p + 5)[0]
        body, p = p + 9, p + 9 + length
        if tag == 0x01:  # UTF8 string
            names[U('>Q', m, body)[0]] = m[body + 8:body + length].decode('utf8', 'replace')
        elif tag == 0x02:  # LOAD CLASS
            classname[U('>Q', m, body + 4)[0]] = names[U('>Q', m, body + 16)[0]]
        elif tag in (0x0C, 0x1C):  # HEAP DUMP (SEGMENT)
            q, end = body, body + length
            while q < end:
                st = m[q]
                q += 1
                if st in (0xFF, 0x05, 0x07):  # roots: unknown, sticky class, monitor used
                    q += 8
                elif st in (0x04, 0x06):  # native stack, thread block
                    q += 12
                elif st in (0x01, 0x02, 0x03, 0x08):  # JNI global/local, java frame, thread object
                    q += 16
                elif st == 0x20:  # CLASS DUMP
                    cid, sup = U('>Q', m, q)[0], U('>Q', m, q + 12)[0]
                    q = read_class(m, q + 8 + 4 + 8 * 6 + 4, cid, sup, names, classinfo)
                elif st == 0x21:  # INSTANCE DUMP
                    oid, _, cid, n = U('>QIQI', m, q)
                    inst.append((oid, cid, q + 24))
                    q += 24 + n
                elif st == 0x22:  # OBJECT ARRAY DUMP
                    oid, _, n, cid = U('>QIIQ', m, q)
                    objarr.append((oid, cid, q + 24, n))
                    q += 24 + 8 * n
                elif st == 0x23:  # PRIMITIVE ARRAY DUMP
                    oid, _, n, t = U('>QIIB', m, q)
                    prims[oid] = (t, q + 17, n)
                    q += 17 + SIZES[t] * n
                else:
                    raise SystemExit(f'unknown heap sub-record 0x{st:x} at {q - 1}')
    return m, classname, classinfo, inst, objarr, prims


def read_class(m, q, cid, sup, names, classinfo):
    """Reads a CLASS DUMP from its constant pool on (the caller has read the id, stack serial, super,
    loader, signers, domain, two reserved ids and the instance size); records the instance fields and
    returns the offset past the record."""
    count = U('>H', m, q)[0]
    q += 2
    for _ in range(count):  # constant pool: index u2, type u1, value
        q += 3 + SIZES[m[q + 2]]
    count = U('>H', m, q)[0]
    q += 2
    for _ in range(count):  # statics: name id, type u1, value
        q += 9 + SIZES[m[q + 8]]
    count = U('>H', m, q)[0]
    q += 2
    fields = []
    for _ in range(count):  # instance fields: name id, type u1
        fields.append((names[U('>Q', m, q)[0]], m[q + 8]))
        q += 9
    classinfo[cid] = (sup, fields)
    return q


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('dump')
    ap.add_argument('--top', type=int, default=30)
    a = ap.parse_args()
    m, classname, classinfo, inst, objarr, prims = read(a.dump)

    layout = {}

    def fields(cid):  # this class's fields first, then its superclasses', as an instance dump stores them
        if cid not in layout:
            out, c = [], cid
            while c in classinfo:
                out.extend(classinfo[c][1])
                c = classinfo[c][0]
            layout[cid] = out
        return layout[cid]

    by_class = collections.Counter(classname.get(cid, '?') for _, cid, _ in inst)
    by_class.update(classname.get(cid, '?') + '[]' for _, cid, _, _ in objarr)
    print(f'{len(inst) + len(objarr) + len(prims):,} live objects: {len(inst):,} instances, '
          f'{len(objarr):,} object arrays, {len(prims):,} primitive arrays')
    for name, n in by_class.most_common(a.top):
        print(f'  {n:10,}  {name}')

    string = next((c for c, n in classname.items() if n == 'java/lang/String'), None)
    value = {}   # String id -> its byte[] id
    holder = {}  # String id -> the first field (class.field or array class[]) found holding it
    for oid, cid, off in inst:
        q = off
        for fname, t in fields(cid):
            if t == 2:
                r = U('>Q', m, q)[0]
                if cid == string and fname == 'value':
                    value[oid] = r
                elif r:
                    holder.setdefault(r, classname[cid] + '.' + fname)
            q += SIZES[t]
    for oid, cid, off, n in objarr:
        for i in range(n):
            r = U('>Q', m, off + 8 * i)[0]
            if r:
                holder.setdefault(r, classname.get(cid, '?') + '[]')

    held, held_bytes, repeats = collections.Counter(), collections.Counter(), collections.Counter()
    seen = set()
    for sid, vid in value.items():
        if vid not in prims:
            continue
        _, off, n = prims[vid]
        text = m[off:off + n]
        h = holder.get(sid, '(no holder)')
        held[h] += 1
        held_bytes[h] += n
        if text in seen:
            repeats[h] += 1
        else:
            seen.add(text)
    total = len(value)
    print(f'\n{total:,} Strings, {len(seen):,} distinct texts ({total - len(seen):,} repeat an earlier one)')
    print('  Strings   repeats    MB  held by')
    for h, n in held.most_common(a.top):
        print(f'  {n:8,}  {repeats[h]:8,}  {held_bytes[h] / 1e6:5.1f}  {h}')


if __name__ == '__main__':
    main()
