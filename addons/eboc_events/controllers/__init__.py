from . import portal
from . import events
