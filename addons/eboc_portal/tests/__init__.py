from . import test_member_journey
