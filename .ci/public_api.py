"""The crate's public API, one line per item, from rustdoc's JSON output: every item reachable
from the crate root with its signature (this crate's items named by their public name, wherever
a private module puts them; spans, docs and attributes left out), sorted. Diff two of these to
see what a change did to the API (cargo-semver-checks in a few lines; needs a nightly rustdoc):

    cargo +nightly rustdoc --all-features --lib -- -Z unstable-options --output-format json
    python3 .ci/public_api.py target/doc/botsession.json > after.txt
"""
import json, sys

doc = json.load(open(sys.argv[1]))
index, paths = doc["index"], doc["paths"]

def name_of(i):
    i = str(i)
    if i in paths:
        p = paths[i]["path"]
        # Items of this crate by name: where a private module puts them is not API.
        return p[-1] if p[0] == "botsession" else "::".join(p)
    if i in index and index[i].get("name"):
        return index[i]["name"]
    return "?"

def norm(v):
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if k in ("span", "docs", "links", "crate_id", "attrs"):
                continue
            if k == "path" and "id" in v:
                continue
            if k == "id" and isinstance(x, (int, str)):
                out[k] = name_of(x)
            elif k == "impls" and isinstance(x, list):
                out[k] = len([y for y in x if not index.get(str(y), {}).get("inner", {}).get("impl", {}).get("is_synthetic")])
            elif k == "tuple" and isinstance(x, list):
                out[k] = [json.dumps(norm(index[str(y)]["inner"]), sort_keys=True) if str(y) in index else None for y in x]
            elif k in ("items", "implementations", "variants", "fields") and isinstance(x, list):
                out[k] = sorted(name_of(y) if isinstance(y, (int, str)) else json.dumps(norm(y), sort_keys=True) for y in x)
            else:
                out[k] = norm(x)
        return out
    if isinstance(v, list):
        return [norm(x) for x in v]
    return v

lines, seen = set(), set()

def visit(i, path):
    i = str(i)
    if (i, path) in seen or i not in index:
        return
    seen.add((i, path))
    item = index[i]
    inner = item["inner"]
    kind = next(iter(inner))
    body = inner[kind]
    if kind == "use":
        target = body.get("id")
        if target is not None:
            visit(target, path if body.get("is_glob") else path[:-1] + (body["name"],) if path else (body["name"],))
        return
    if item.get("visibility") not in ("public", "default") and kind not in ("impl",):
        return
    sig = {k: v for k, v in norm(item).items() if k not in ("id", "inner")}
    lines.add("::".join(path) + " | " + kind + " | " + json.dumps(sig, sort_keys=True) + " | " + json.dumps(norm(body), sort_keys=True))
    if kind == "module":
        for c in body["items"]:
            child = index.get(str(c))
            visit(c, path + ((child or {}).get("name") or "",))
    for key in ("impls",):
        for c in body.get(key, []) or []:
            imp = index.get(str(c))
            if not imp:
                continue
            ib = imp["inner"]["impl"]
            if ib.get("is_synthetic") or ib.get("blanket_impl"):
                continue
            tr = ib.get("trait")
            label = path + ("impl " + (tr["path"] if tr else "inherent"),)
            lines.add("::".join(label) + " | impl | " + json.dumps(norm(ib.get("generics")), sort_keys=True))
            for m in ib["items"]:
                visit(m, label + (index[str(m)].get("name") or "",))
    if kind == "enum":
        for v in body["variants"]:
            visit(v, path + (index[str(v)]["name"],))
    if kind == "struct":
        k = body.get("kind", {})
        fs = k.get("plain", {}).get("fields", []) if isinstance(k, dict) else []
        for f in fs:
            visit(f, path + (index[str(f)]["name"],))

visit(doc["root"], ("botsession",))
for l in sorted(lines):
    print(l)
