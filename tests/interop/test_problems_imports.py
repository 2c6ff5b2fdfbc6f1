import os
import subprocess
import sys

CHECK = """
import sys
import actionagenda.interop.problems
print(" ".join(sorted(name for name in sys.modules if name.startswith("actionagenda."))))
"""


def test_importing_the_problem_helpers_loads_neither_the_api_nor_an_app():
    # In a fresh interpreter: in this one the API and every app are already loaded. The settings (and the data
    # folder helpers they read) are what Django loads for any module.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "actionagenda.settings"}
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "actionagenda.interop.problems" in loaded
    assert loaded - {"actionagenda.interop", "actionagenda.interop.problems", "actionagenda.settings",
                     "actionagenda.datafolder"} == set()
