from . import eboc_dues_ranking
