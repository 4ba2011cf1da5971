"""The supervisors' Reports window, its export dialog and the desk closing dialog."""
