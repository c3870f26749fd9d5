"""Each addon documents itself: readme fragments exist and README.md is up to date."""

import re
from pathlib import Path

import pytest

from addon_files import load_module_file

REPO = Path(__file__).resolve().parents[1]
ADDONS = sorted(p.parent for p in (REPO / "addons").glob("*/__manifest__.py"))
gen_addon_readme = load_module_file(REPO / "tools" / "gen_addon_readme.py", "gen_addon_readme")


@pytest.mark.parametrize("addon", ADDONS, ids=[a.name for a in ADDONS])
@pytest.mark.parametrize("fragment", ["DESCRIPTION.md", "USAGE.md", "CONFIGURE.md"])
def test_readme_fragment_exists_and_says_something(addon, fragment):
    path = addon / "readme" / fragment
    assert path.exists(), f"{path} is missing"
    assert len(path.read_text().split()) >= 30, f"{path} is too thin to help anyone"


@pytest.mark.parametrize("addon", ADDONS, ids=[a.name for a in ADDONS])
def test_readme_is_generated_from_fragments(addon):
    readme = addon / "README.md"
    assert readme.exists(), "run python3 tools/gen_addon_readme.py"
    assert readme.read_text() == gen_addon_readme.render(addon), (
        "README.md is out of date: run python3 tools/gen_addon_readme.py"
    )


@pytest.mark.parametrize("addon", ADDONS, ids=[a.name for a in ADDONS])
def test_apps_description_is_generated(addon):
    index = addon / "static" / "description" / "index.html"
    assert index.exists(), "run python3 tools/gen_addon_readme.py"
    assert index.read_text() == gen_addon_readme.render_html(addon), (
        "static/description/index.html is out of date: run python3 tools/gen_addon_readme.py"
    )


def test_markdown_subset_renders():
    rendered = gen_addon_readme.markdown_to_html(
        "## Title\n\nSome **bold** and `code`.\n\n- one\n  - nested\n- two\n\n"
        "| A | B |\n| --- | --- |\n| 1 | 2 |\n"
    )
    assert "<h2>Title</h2>" in rendered
    assert "<strong>bold</strong>" in rendered and "<code>code</code>" in rendered
    assert rendered.count("<ul>") == 2 and rendered.count("</ul>") == 2
    assert "<th>A</th>" in rendered and "<td>2</td>" in rendered


def test_screenshots_render_as_images_from_static_description():
    rendered = gen_addon_readme.markdown_to_html(
        "![The portal's home](static/description/portal_home.png)\n\nSee [the docs](https://x.example)."
    )
    assert '<img src="portal_home.png" alt="The portal\'s home" class="img-fluid"/>' in rendered
    assert '<a href="https://x.example">the docs</a>' in rendered


def test_screenshots_named_in_a_readme_exist():
    for addon in ADDONS:
        readme = (addon / "README.md").read_text()
        for path in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme):
            assert (addon / path).is_file(), f"{addon.name}: {path} is missing"
