from . import segment_xlsx
