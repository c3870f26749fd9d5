"""Every XML file of the addons is well-formed; data files have an ``<odoo>`` root."""

import xml.etree.ElementTree as ET

import pytest

from addon_files import ADDONS_DIR, xml_files

FILES = xml_files()
# static/ holds OWL/QWeb templates (<templates> root), not data files.
DATA_FILES = [p for p in FILES if "static" not in p.relative_to(ADDONS_DIR).parts]


def _id(path):
    return str(path.relative_to(ADDONS_DIR))


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_xml_is_well_formed(path):
    try:
        ET.parse(path)
    except ET.ParseError as exc:
        pytest.fail(f"{_id(path)}: {exc}")


@pytest.mark.parametrize("path", DATA_FILES, ids=_id)
def test_data_xml_root_is_odoo(path):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        pytest.skip("not well-formed (reported by test_xml_is_well_formed)")
    assert root.tag == "odoo", f"{_id(path)}: root element is <{root.tag}>, expected <odoo>"
