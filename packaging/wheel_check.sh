#!/usr/bin/env bash
# Build the wheel, install it with the pip a fresh `python3 -m venv` ships (no
# upgrade, not editable) and run it from an empty directory: `duizhao
# --self-test`, the imports of `duizhao --demo`'s path, and resources found
# inside the installed package. Exit 1 on any failure.
#
#   packaging/wheel_check.sh [PYTHON_THAT_BUILDS]   (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
builder="${1:-.venv/bin/python}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

say() { printf 'wheel check: %s\n' "$*" >&2; }

say "building the wheel"
# from a copy of what the wheel is made of, so the checkout gains no build/ or egg-info
mkdir "$work/src"
cp -r desktop resources setup.py pyproject.toml MANIFEST.in README.md "$work/src/"
find "$work/src" -name __pycache__ -prune -exec rm -rf {} +
"$builder" -m pip wheel --no-deps -q -w "$work/dist" "$work/src"
wheel="$(ls "$work"/dist/duizhao-*.whl)"
python3 -m venv "$work/venv"
say "installing $(basename "$wheel") with $("$work/venv/bin/pip" --version | cut -d' ' -f1-2)"
"$work/venv/bin/pip" install -q "$wheel"

cd "$work"
export QT_QPA_PLATFORM=offscreen
unset DUIZHAO_RESOURCES PYTHONPATH
"$work/venv/bin/python" - <<'PY'
import sys
from duizhao.core.resources import resources_root

root = resources_root()
if "site-packages" not in str(root):
    sys.exit(f"wheel check: resources found outside the installed package: {root}")
for name in ("cleaning/rules.yaml", "demo", "gazetteer", "icons/duizhao.png"):
    if not (root / name).exists():
        sys.exit(f"wheel check: {name} missing from the wheel's resources")
import trafilatura  # noqa: F401  -- imports justext, which needs lxml_html_clean
import duizhao.ui.app  # noqa: F401  -- what `duizhao --demo` starts from
print(f"wheel check: resources in {root}, the window's imports load")
PY
"$work/venv/bin/duizhao" --self-test
say "ok"
