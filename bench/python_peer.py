#!/usr/bin/env python3
"""The Python peer of the benchmarks: what a developer would write instead of feedsync.

What: maps a shop catalog to Affili products as JSON Lines, the same work as
`feedsync export --format jsonl` with the bundled woocommerce-csv preset:

  --format csv         a WooCommerce export (csv module): drops variable/grouped parents,
                       drafts and private products; pid from ID (else SKU); url
                       <base>/?p=<ID>; prices in plain, grouped or Persian digits; a
                       lower sale price becomes price and the regular one old_price;
                       availability words; images split on ","; category paths
                       "A > B, C" -> categories with parent chain, stable cid, one primary
  --format xml         a Google Merchant RSS feed (xml.etree.ElementTree.iterparse), as
                       the google-merchant-xml preset maps it (first g:product_type)
  --format json-pages  Affili webhook pages, a folder of files or one file (json module),
                       as the affili-webhook-json preset maps them

Why: the issue's yardstick is a straightforward script in the language shops already
use, so this stays plain: standard library only, one record at a time, no tricks that
a typical script would not have. It is a fair peer, though: it streams (bounded memory),
and its output equals feedsync's except created_at/updated_at (bench/run.py checks
that before every run).

Usage:
  bench/python_peer.py --format csv --base-url https://shop.example.ir catalog.csv > out.jsonl
"""

import argparse
import csv
import datetime
import json
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from urllib.parse import quote, urlsplit

DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
IN_STOCK = {"1", "yes", "y", "true", "instock", "in stock", "in_stock", "available", "backorder", "onbackorder",
            "on backorder", "preorder", "pre-order", "موجود", "còn hàng"}
OUT_OF_STOCK = {"0", "no", "n", "false", "outofstock", "out of stock", "out_of_stock", "sold out", "ناموجود",
                "hết hàng"}
G = "{http://base.google.com/ns/1.0}"


class Rejected(Exception):
    """A record that cannot be mapped."""


# --- Value transforms (the preset's logic). ---

def parse_price(text):
    """'1250000', '1,250,000', '۱٬۲۵۰٬۰۰۰', '1250000 IRR' -> 1250000 (dot locale)."""
    text = (text or "").strip().translate(DIGITS).replace("٬", ",").replace("٫", ".")
    if not text:
        return None
    number = re.sub(r"[^0-9.,]", "", text).replace(",", "")
    if not number or number.count(".") > 1:
        raise Rejected(f"not a price: {text!r}")
    value = float(number)
    return int(value) if value.is_integer() else value


def availability(text, default=True):
    word = (text or "").strip().lower()
    if not word:
        return default
    if word in IN_STOCK:
        return True
    if word in OUT_OF_STOCK:
        return False
    if word.isdigit():
        return int(word) > 0
    raise Rejected(f"unknown availability: {text!r}")


def split_list(text, separator=","):
    items = []
    for item in (text or "").split(separator):
        item = item.strip()
        if item and item not in items:
            items.append(item)
    return items


def collapse(text):
    return " ".join((text or "").split())


def slug(name):
    """Lower case, letters and digits of any script kept, other runs -> '-'."""
    text = unicodedata.normalize("NFC", name)
    out, pending_dash = [], False
    for ch in text:
        if ch in "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹":
            ch = str(unicodedata.digit(ch))
        elif ch == "\u064A":
            ch = "\u06CC"
        elif ch == "\u0643":
            ch = "\u06A9"
        if ch.isalnum():
            if pending_dash and out:
                out.append("-")
            pending_dash = False
            out.append(ch.lower())
        elif unicodedata.category(ch).startswith("M") and out and not pending_dash:
            out.append(ch)
        else:
            pending_dash = True
    return "".join(out) or "u" + "-".join(format(ord(c), "x") for c in name)


def categories(paths, base_url, url_path="/product-category/{}/"):
    """Paths (lists of level names) -> Affili categories: parent chain, one primary.
    Category URLs are base_url + url_path with the slugs joined by '/'."""
    result, index_by_cid = [], {}
    primary, primary_depth = None, 0
    for path in paths:
        parent, slugs, leaf = None, [], None
        for name in path:
            slugs.append(slug(name))
            cid = slugs[-1] if parent is None else parent + "/" + slugs[-1]
            if cid not in index_by_cid:
                url = base_url + url_path.format("/".join(quote(s, safe="") for s in slugs)) if base_url else ""
                result.append({"cid": cid, "name": name, "url": url, "parent_cid": parent, "is_primary": False})
                index_by_cid[cid] = len(result) - 1
            leaf, parent = index_by_cid[cid], cid
        if len(path) > primary_depth:
            primary, primary_depth = leaf, len(path)
    if primary is not None:
        result[primary]["is_primary"] = True
    return result


def category_paths(cell, path_separator=","):
    paths = []
    for path in (split_list(cell, path_separator) if path_separator else [cell or ""]):
        levels = [collapse(level) for level in path.split(">") if level.strip()]
        if levels:
            paths.append(levels)
    return paths


def product(pid, name, url, regular, sale, in_stock, images, cats, created, updated):
    if not pid or not name or regular is None:
        raise Rejected("pid, name and price are required")
    price, old_price = regular, None
    if sale is not None and sale < regular:
        price, old_price = sale, regular
    return {"pid": pid, "name": name, "url": url, "price": price, "old_price": old_price, "in_stock": in_stock,
            "images": images, "categories": cats, "created_at": created, "updated_at": updated}


# --- Readers: each yields Affili products (dicts) or raises Rejected for one record. ---

def read_csv(path, base_url, now):
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        column = {name: index for index, name in enumerate(header)}
        width = len(header)

        for row in reader:
            if len(row) != width:
                yield Rejected(f"{len(row)} fields, expected {width}")
                continue

            def cell(name):
                return row[column[name]]

            if cell("Type") in ("variable", "grouped") or cell("Published") in ("0", "-1"):
                yield None  # filtered
                continue
            try:
                images = split_list(cell("Images"))
                pid = cell("ID").strip() or cell("SKU").strip()
                shop = base_url or ("{0.scheme}://{0.netloc}".format(urlsplit(images[0])) if images else "")
                yield product(pid, collapse(cell("Name")), f"{shop}/?p={cell('ID')}", parse_price(cell("Regular price")),
                              parse_price(cell("Sale price")), availability(cell("In stock?")), images,
                              categories(category_paths(cell("Categories")), base_url), now, now)
            except Rejected as error:
                yield error


def read_xml(path, base_url, now):
    for _, element in ET.iterparse(path, events=("end",)):
        if element.tag != "item":
            continue
        try:
            def text(tag):
                child = element.find(tag)
                return child.text if child is not None and child.text else ""

            # As feedsync's google-merchant-xml preset: the first g:product_type (else
            # g:google_product_category) is the category path, URLs <base>/category/<path>.
            images = [text(G + "image_link")] + [e.text for e in element.findall(G + "additional_image_link") if e.text]
            paths = category_paths(text(G + "product_type") or text(G + "google_product_category"), None)
            yield product(text(G + "id").strip(), collapse(text("title") or text(G + "title")), text("link").strip(),
                          parse_price(text(G + "price")), parse_price(text(G + "sale_price")),
                          availability(text(G + "availability")), split_list(",".join(images)),
                          categories(paths, base_url, "/category/{}"), now, now)
        except Rejected as error:
            yield error
        element.clear()  # keep memory bounded: drop the item once mapped


def page_files(path):
    if not os.path.isdir(path):
        return [path]
    names = [n for n in os.listdir(path) if not n.startswith(".")]
    names.sort(key=lambda n: [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", n)])
    return [os.path.join(path, n) for n in names]


def read_json_pages(path, base_url, now):
    for file in page_files(path):
        with open(file, encoding="utf-8") as f:
            page = json.load(f)
        for item in page["data"]["products"]:
            # The pages are already Affili products: check and normalise, keep the rest.
            pid, name, price = str(item.get("pid") or "").strip(), collapse(item.get("name")), item.get("price")
            if not pid or not name or not isinstance(price, (int, float)):
                yield Rejected("pid, name and price are required")
                continue
            yield {"pid": pid, "name": name, "url": item.get("url") or "", "price": price,
                   "old_price": item.get("old_price"), "in_stock": bool(item.get("in_stock", True)),
                   "images": [i for i in item.get("images") or [] if i], "categories": item.get("categories") or [],
                   "created_at": item.get("created_at") or now, "updated_at": item.get("updated_at") or now}


READERS = {"csv": read_csv, "xml": read_xml, "json-pages": read_json_pages}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--format", choices=sorted(READERS), required=True)
    parser.add_argument("--base-url", default="", help="the shop's address, for product and category URLs")
    parser.add_argument("--output", help="the JSON Lines file; standard output when absent")
    parser.add_argument("source", help="the catalog file (or folder of JSON pages)")
    args = parser.parse_args()

    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    counts = {"read": 0, "mapped": 0, "rejected": 0, "filtered": 0}
    for result in READERS[args.format](args.source, args.base_url.rstrip("/"), now):
        counts["read"] += 1
        if result is None:
            counts["filtered"] += 1
        elif isinstance(result, Rejected):
            counts["rejected"] += 1
        else:
            counts["mapped"] += 1
            out.write(json.dumps(result, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
    out.flush()
    print("python peer: " + ", ".join(f"{k} {v}" for k, v in counts.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
