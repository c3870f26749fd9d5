from . import main
from . import portal
from . import profile
from . import join
