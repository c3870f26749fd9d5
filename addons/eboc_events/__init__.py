from . import controllers
from . import models
from . import report
from . import wizards

# After the models: the demo's methods extend them.
from . import demo
