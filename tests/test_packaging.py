"""What the image and any install get: a lock that pins every dependency, and a wheel that holds
every file the bot reads. Built here offline (no build isolation, no index), as a check of the
image's build steps that CI runs; deploy/check-image.sh runs the full steps with the network."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "index")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned() -> dict[str, str]:
    lock = (REPO / "constraints.txt").read_text(encoding="utf-8")
    pins = {}
    for line in lock.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[canonical(name)] = version
    return pins


def requirements() -> list[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted += extra
    # A direct reference ("name @ https://…") is pinned by its URL; pip takes no link as constraint.
    return [canonical(re.split(r"[\s\[<>=!~;@]", requirement, maxsplit=1)[0])
            for requirement in wanted if " @ " not in requirement]


def test_the_lock_pins_every_dependency_of_every_extra() -> None:
    pins = pinned()
    missing = [name for name in requirements() if name not in pins]
    assert not missing, f"{missing} are not in constraints.txt: run `make lock` and commit it"
    assert all(re.fullmatch(r"[\w.+!-]+", version) for version in pins.values())


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built from a copy of what the Dockerfile copies."""
    source = tmp_path_factory.mktemp("context")
    for name in ("pyproject.toml", "README.md", "constraints.txt"):
        shutil.copy(REPO / name, source / name)
    for package in PACKAGES:
        shutil.copytree(REPO / package, source / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--wheel-dir", str(out), str(source)],
        check=True, capture_output=True, text=True, timeout=300,
    )
    (built,) = out.glob("article_bot-*.whl")
    return built


def test_the_wheel_holds_every_data_file_and_says_its_licence(wheel: Path) -> None:
    data_files = sorted(
        str(path.relative_to(REPO))
        for package in PACKAGES
        for path in (REPO / package).rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    )
    assert any(name.endswith("smalltalk.toml") for name in data_files)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(archive.read(n) for n in names if n.endswith(".dist-info/METADATA"))
        entry_points = next(
            archive.read(n) for n in names if n.endswith(".dist-info/entry_points.txt")
        )
    assert [name for name in data_files if name not in names] == []
    assert b"License-Expression: MIT" in metadata
    assert b"article-bot = bot.cli:main" in entry_points
    assert not any(name.startswith("tests/") for name in names)


def test_the_installed_wheel_answers_without_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(site), str(wheel)],
        check=True, capture_output=True, text=True, timeout=300,
    )
    elsewhere = tmp_path / "empty"
    elsewhere.mkdir()
    code = (
        "import bot, json, sys; from bot.cli import main\n"
        f"assert bot.__file__.startswith({str(site)!r}), bot.__file__\n"
        "sys.exit(main(['ask', '--json', 'Qui a parlé d’une blague ?']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "HOME": str(elsewhere)},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["results"][0]["paragraph"] == 7
