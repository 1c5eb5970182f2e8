from click.testing import CliRunner

from crosscheck.cli import cli


def test_extract_runs_on_seeds():
    res = CliRunner().invoke(cli, ["extract", "seeds", "--json", "--no-cache", "-q"])
    assert res.exit_code == 0, res.output
    assert '"doc": "000_180f760aaf991f0b.txt"' in res.output


def test_missing_path_exits_2():
    res = CliRunner().invoke(cli, ["extract", "no/such/dir", "--json", "-q"])
    assert res.exit_code == 2
