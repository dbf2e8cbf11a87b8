"""Reads HL7 v2 messages with python-hl7 (Debian's python3-hl7) for the scribekit tests.

stdin: {"messages": [text, ...], "keys": ["MSH-9.2", "PID-3[2].1", ...]}
stdout: one JSON object per message: segment names in order, the keys' values (unescaped by python-hl7),
the repetitions of the requested repeating fields, and every OBX (set id, value type, identifier, sub-id,
OBX-5 repetitions unescaped with line breaks as \\n, result status).
"""
import json
import re
import sys

import hl7

KEY = re.compile(r"^([A-Z0-9]{3})-(\d+)(?:\[(\d+)\])?(?:\.(\d+))?(?:\.(\d+))?$")


def accessor(key):
    m = KEY.match(key)
    if not m:
        raise ValueError("bad key " + key)
    seg, field, rep, comp, sub = m.groups()
    return "%s.F%s.R%s.C%s.S%s" % (seg, field, rep or 1, comp or 1, sub or 1)


def text(message, value):
    return message.unescape(str(value)).replace("\r", "\n")


def read(raw, keys, repeats):
    m = hl7.parse(raw)
    fields = {}
    for key in keys:
        try:
            fields[key] = m[accessor(key)]
        except (IndexError, KeyError):
            fields[key] = ""
    reps = {}
    for key in repeats:
        seg, field = key.split("-")
        value = m.segment(seg)[int(field)] if len(m.segment(seg)) > int(field) else ""
        items = list(value) if len(value) and isinstance(value[0], hl7.containers.Repetition) else [value]
        reps[key] = [text(m, r) for r in items]
    obx = []
    for seg in m.segments("OBX"):
        value = seg[5]
        items = list(value) if len(value) and isinstance(value[0], hl7.containers.Repetition) else [value]
        obx.append(
            {
                "setId": str(seg[1]),
                "valueType": str(seg[2]),
                "identifier": text(m, seg[3]),
                "subId": str(seg[4]),
                "values": [text(m, r) for r in items],
                "status": str(seg[11]),
            }
        )
    return {"segments": [str(s[0]) for s in m], "fields": fields, "repeats": reps, "obx": obx}


def main():
    spec = json.load(sys.stdin)
    out = [read(raw, spec["keys"], spec.get("repeats", [])) for raw in spec["messages"]]
    json.dump(out, sys.stdout, ensure_ascii=False)


main()
