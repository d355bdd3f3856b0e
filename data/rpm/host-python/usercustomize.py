# Part of wheel2pkg. Loaded as the user site's customization (PYTHONUSERBASE) by the python3
# that rpmbuild starts without -s when it builds a package for another distribution than this
# host's (pip; the import check and the generators run with -s and do without it).
#
# The target's macros install a wheel with `python3 -m pip install --root ... --prefix /usr`,
# and pip asks sysconfig's preferred "prefix" scheme where that puts each kind of file. This
# host's interpreter answers for itself (its own Python version, its distribution's layout:
# /usr/local/lib/python3.11/dist-packages on Debian), not for the target's Python. When
# WHEEL2PKG_INSTALL_SCHEME holds the target's paths (a JSON object: purelib, platlib, scripts,
# data, include), that scheme becomes the preferred prefix scheme; nothing else changes.

import json
import os
import sysconfig

_target = os.environ.get("WHEEL2PKG_INSTALL_SCHEME")
if _target:
    _paths = json.loads(_target)
    _paths.setdefault("platinclude", _paths["include"])
    sysconfig._INSTALL_SCHEMES["wheel2pkg_target"] = _paths
    _host_preferred = sysconfig.get_preferred_scheme

    def get_preferred_scheme(key):
        return "wheel2pkg_target" if key == "prefix" else _host_preferred(key)

    sysconfig.get_preferred_scheme = get_preferred_scheme
