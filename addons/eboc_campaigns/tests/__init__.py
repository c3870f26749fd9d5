from . import test_access
from . import test_conversions
from . import test_lobbying
from . import test_recipients
from . import test_tour
from . import test_anonymity
from . import test_labels
from . import test_questionnaires_portal
