"""gunicorn.conf.py as gunicorn reads it."""

import subprocess
import sys

from tests.production.servers import ROOT, production_env


def printed_config(**env) -> dict:
    printed = subprocess.run(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "gunicorn.conf.py",
            "--print-config",
            "newsroom.wsgi",
        ],
        cwd=ROOT,
        env=production_env(**env),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    pairs = (line.split("=", 1) for line in printed.splitlines() if "=" in line)
    return {key.strip(): value.strip() for key, value in pairs}


def test_no_control_socket_shared_between_instances(tmp_path):
    config = printed_config(HOME=tmp_path)
    assert config["control_socket_disable"] == "True"
    own = tmp_path / "newsroom.ctl"
    config = printed_config(HOME=tmp_path, GUNICORN_CONTROL_SOCKET=own)
    assert config["control_socket"] == str(own) and config["control_socket_disable"] == "False"
