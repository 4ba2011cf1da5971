"""Passerelle: the registration desk for BIOQuébec and Life Sciences Ontario partnered events."""

from importlib import metadata

try:
    __version__ = metadata.version("passerelle")
except metadata.PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"
