from . import event_event_demo
