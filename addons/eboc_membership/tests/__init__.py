from . import test_access
from . import test_association
from . import test_import
from . import test_lifecycle
from . import test_partner
from . import test_segment
from . import test_tour
from . import test_walls
