"""The README's promises that code can check: set-up commands and the options table."""

from __future__ import annotations

import re

from mkdocs_digest.plugin.config import DigestConfig

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def shell_blocks() -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", README, re.DOTALL)]


def test_readme_starts_with_two_setup_commands_and_ci_runs_the_second() -> None:
    serve, tests = shell_blocks()[:2]
    assert "mkdocs serve --dirty -f example-site/mkdocs.yml" in serve
    assert 'pip install -e ".[test]"' in tests and "pytest" in tests
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci_lines


def test_every_option_is_documented() -> None:
    table = README.split("### Configuration", 1)[1].split("###", 1)[0]
    documented = set(re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE))
    options = {name for name, _ in DigestConfig._schema}
    assert documented == options


def test_the_sample_mkdocs_yml_builds_the_example_docs_under_strict(tmp_path) -> None:
    import yaml

    from .conftest import EXAMPLE, build

    sample = README.split("A complete `mkdocs.yml`:", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", sample, re.DOTALL)
    assert block is not None
    settings = yaml.safe_load(block.group(1))
    settings["docs_dir"] = str(EXAMPLE / "docs")
    config = tmp_path / "mkdocs.yml"
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    assert built.page("sd/2024-04-05/").select("article.digest-card")
