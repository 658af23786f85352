"""The command line of docs/CONTRACT.md, run as a user runs it: a real `python -m bot` process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).parents[2]
# An empty working directory: no .env of the developer's, no package shadowing.
WORKDIR = Path(tempfile.mkdtemp(prefix="article-bot-cli-"))


def run_cli(
    *args: str, stdin: str = "", cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "ARTICLE_", "WEBHOOK_", "LOG_LEVEL", "MAX_RESULTS"))
    }
    environment["PYTHONPATH"] = str(REPO)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or WORKDIR,
        env=environment,
        timeout=60,
    )


@pytest.fixture(scope="module")
def english_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("articles") / "harbour.txt"
    path.write_text(
        "The city council voted on Tuesday to close the old harbour to cargo ships.\n"
        "\"We cannot keep patching a pier that is older than our grandparents,\" said Mayor "
        "Ellen Brody.\n"
        "Fishermen said the decision would cost them their livelihoods.\n",
        encoding="utf-8",
    )
    return path


def test_who_answers_with_the_paragraph_and_its_quote() -> None:
    result = run_cli("who", "Qui a parlé d'une blague ?", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) >= {"query", "mode", "found", "results"}
    assert answer["query"] == "Qui a parlé d'une blague ?"
    assert answer["mode"] == "who"
    assert answer["found"] is True
    best = answer["results"][0]
    assert best["paragraph"] == 7
    assert isinstance(best["score"], float)
    assert "blague" in best["passage"]
    assert best["quote"]["text"] == "J’ai apprécié votre blague"
    assert best["quote"]["kind"] == "direct"
    assert best["quote"]["speaker"] == "le bureau de Kassym-Jomart Tokayev"
    assert answer["intent"] == "who"
    assert "blague" in best["highlights"]


@pytest.mark.parametrize("mode", ["ask", "quote", "who"])
def test_every_answer_mode_runs_in_text_and_json(mode: str) -> None:
    text = run_cli(mode, "Kazakhstan")
    assert text.returncode == 0, text.stderr
    assert "§" in text.stdout
    machine = run_cli("--json", mode, "Kazakhstan")
    assert machine.returncode == 0, machine.stderr
    assert json.loads(machine.stdout)["mode"] == mode


def test_options_may_come_before_or_after_the_command(english_article: Path) -> None:
    before = run_cli("--article", str(english_article), "--json", "ask", "harbour")
    after = run_cli("ask", "harbour", "--article", str(english_article), "--json")
    assert before.returncode == after.returncode == 0
    assert json.loads(before.stdout) == json.loads(after.stdout)


def test_batch_from_stdin_gives_one_json_line_per_question() -> None:
    questions = ["Qui a parlé d'une blague ?", "", "Quelle est la capitale de l'Australie ?",
                 "S-400"]
    result = run_cli("ask", "--json", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(questions)
    answers = [json.loads(line) for line in lines]
    assert [a["query"] for a in answers] == questions
    assert answers[0]["found"] is True
    assert answers[1]["found"] is False and answers[1]["results"] == [] and answers[1]["hint"]
    assert answers[3]["results"][0]["paragraph"] == 11


def test_empty_question_gets_a_hint() -> None:
    result = run_cli("ask", "   ")
    assert result.returncode == 0
    assert "?" in result.stdout and result.stdout.count("\n") == 1


def test_quotes_json_shape() -> None:
    result = run_cli("quotes", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["article"]["language"] == "fr"
    assert payload["article"]["paragraphs"] == 15
    assert payload["quotes"]
    for quote in payload["quotes"]:
        assert set(quote) >= {"paragraph", "text", "speaker", "kind", "cue"}
        assert quote["kind"] in ("direct", "indirect")


def test_speakers_text_and_json() -> None:
    text = run_cli("speakers")
    assert text.returncode == 0 and "•" in text.stdout
    payload = json.loads(run_cli("speakers", "--json").stdout)
    assert payload["speakers"] and all(s["quotes"] >= 1 for s in payload["speakers"])


def test_another_article_from_the_environment(english_article: Path) -> None:
    result = run_cli("who", "patching a pier", "--json", env={"ARTICLE_PATH": str(english_article)})
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["results"][0]["paragraph"] == 1


def test_chat_answers_piped_questions_and_commands() -> None:
    result = run_cli("chat", stdin="blague\n/who nucléaire\n/quote\n/speakers\n/quit\nnever read\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "J’ai apprécié votre blague" in out
    assert "Usage : /quote" in out
    assert "never read" not in out


def test_run_without_token_exits_2_in_one_sentence() -> None:
    """A service or a container whose .env is missing must fail, not chat with an empty stdin."""
    result = run_cli("run", stdin="Combien d'habitants compte le Kazakhstan ?\n")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "TELEGRAM_BOT_TOKEN" in lines[0]
    assert lines[0].startswith("article-bot: ") and lines[0].endswith(".")


def test_chat_without_token_says_so_in_one_line_then_answers() -> None:
    """What `make run` starts when no token is set (CONTRACT: "saying so in one line")."""
    result = run_cli("chat", stdin="Combien d'habitants compte le Kazakhstan ?\n")
    assert result.returncode == 0, result.stderr
    assert "TELEGRAM_BOT_TOKEN" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "20 millions" in result.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("frobnicate",), "Unknown command 'frobnicate'"),
        (("ask", "--bogus"), "Unrecognized arguments"),
        (("ask", "x", "--article", "/nonexistent/article.txt"), "does not exist"),
        (("ask", "x", "--article", "/"), "is a directory"),
        (("ask", "x", "--article"), "expected one argument"),
    ],
)
def test_bad_command_lines_are_one_sentence_and_status_2(
    args: tuple[str, ...], fragment: str
) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert fragment.lower() in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("Société générale".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_article_files_are_status_2(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run_cli("quotes", "--article", str(path))
    assert result.returncode == 2
    assert fragment in result.stderr and "Traceback" not in result.stderr


def test_bad_setting_is_status_2_naming_it() -> None:
    result = run_cli("ask", "x", env={"MAX_RESULTS": "lots"})
    assert result.returncode == 2
    assert "MAX_RESULTS" in result.stderr and "Traceback" not in result.stderr


def test_bad_token_never_printed() -> None:
    token = "123456789:tooshort"
    result = run_cli("run", env={"TELEGRAM_BOT_TOKEN": token})
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr
    assert token not in result.stderr + result.stdout


def test_dotenv_in_the_working_directory_is_read(tmp_path: Path, english_article: Path) -> None:
    (tmp_path / ".env").write_text(f"ARTICLE_PATH={english_article}\n")
    result = run_cli("quotes", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["article"]["language"] == "en"


def test_help_lists_every_command() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("run", "chat", "ask", "quote", "who", "quotes", "speakers"):
        assert command in result.stdout


def test_the_console_speaks_as_the_private_chat_does() -> None:
    """The French article's console: /help lists the commands, a bare /who answers in French,
    an unknown command says so, thanks and emoji get a hint, not "not found"."""
    lines = "/help\n/who\n/foo\nmerci !\n👍\nWho spoke of a joke?\n/who\n"
    result = run_cli("chat", stdin=lines)
    assert result.returncode == 0, result.stderr
    intro, rest = result.stdout.split("\n", 1)
    assert intro.startswith("Discussion en console")
    replies = [block for block in rest.split("\n\n") if block.strip()]
    help_, usage_fr, unknown, thanks, thumb, answer, usage_en = replies
    assert help_.startswith("Posez une question en mots") and "/speakers" in help_
    assert "Discussion en console" not in help_  # not the banner again
    assert usage_fr.startswith("Usage : /who <mots>")
    assert unknown.startswith("Je ne connais pas /foo. Mes commandes : /start, /help")
    assert thanks.startswith("Avec plaisir")
    assert thumb.startswith("Posez-moi une question")
    assert "Tokayev" in answer
    assert usage_en.startswith("Usage: /who <words>")  # the user now writes in English


def test_a_declined_question_has_its_closest_paragraph_in_json() -> None:
    # Tokayev is quoted in the bundled article, never about China, which it never names
    result = run_cli("quote", "Qu'a dit Tokayev sur la Chine ?", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["found"] is False and answer["results"] == []
    closest = answer["closest"]
    assert set(closest) >= {"paragraph", "score", "passage", "quote"}
    assert closest["quote"]["speaker"] is not None and "Tokayev" in closest["quote"]["speaker"]
    assert answer["unsaid"] == {
        "asks": "about", "speaker": closest["quote"]["speaker"], "topic": "Chine"
    }
    # an answered question has no closest paragraph
    found = json.loads(run_cli("who", "Qui a parlé d'une blague ?", "--json").stdout)
    assert found["found"] is True and found["closest"] is None


def test_the_chat_says_what_the_article_does_not_say() -> None:
    result = run_cli("chat", stdin="/quote Tokayev Chine\n")
    assert result.returncode == 0, result.stderr
    said, _, shown = result.stdout.partition("ne parle pas de « Chine » dans cet article.")
    assert "Tokayev" in said.splitlines()[-1]
    assert "“J’ai apprécié votre blague”" in shown  # what Tokayev's office does say


def test_the_console_reads_another_article_with_slash_article(tmp_path: Path) -> None:
    """/article FILE in the console, as in a private chat: its card, then answers from it; a
    file that cannot be read is one sentence and the article stays."""
    story = tmp_path / "harbour.txt"
    story.write_text(
        "The harbour of Port Ellery reopened on Monday after a storm closed it for a week.\n\n"
        "“We lost four boats but no lives,” said harbour master Imogen Tallis.\n\n"
        "Repairs to the north pier will cost 2 million pounds, the council said.\n",
        encoding="utf-8",
    )
    missing_file = tmp_path / "missing.txt"
    lines = f"/article {missing_file}\n/article {story}\nWho lost four boats?\n/article\n"
    result = run_cli("chat", stdin=lines, env={"DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr
    replies = [block for block in result.stdout.split("\n", 1)[1].split("\n\n") if block.strip()]
    missing, card, answer = replies[0], replies[1], replies[2]
    assert "missing.txt" in missing and "does not exist" in missing
    assert "3 paragraph" in card and "Imogen Tallis (1)" in card
    assert "We lost four boats but no lives" in answer and "Imogen Tallis" in answer
    assert "harbour.txt" in "\n".join(replies[3:])  # a bare /article: the card of the new one
