"""What every pass is: a named object that proposes edits on the text it receives."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from cleaner.types import Edit

if TYPE_CHECKING:
    from cleaner.config import Config
    from cleaner.pipeline import Document
    from cleaner.resources import Resources


class PassContext:
    """What a pass may know besides its input text: options, shared data, page markers.

    A pass reports a star-page marker it found with :meth:`report_marker`, in the
    coordinates of the text it received; the pipeline maps it to the original.
    ``state`` carries facts between passes of one document (e.g. the page labels seen).
    """

    def __init__(self, config: Config, resources: Resources) -> None:
        self.config = config
        self.resources = resources
        self.current_pass = ""
        self.state: dict[str, object] = {}
        self._doc: Document | None = None
        self._pending: list[tuple[str, int, int]] = []

    def bind(self, doc: Document) -> None:
        self._doc = doc
        self.state = {}
        self._pending = []

    @property
    def document(self) -> Document | None:
        """The engine's state of the document being cleaned (original, current text, applied
        spans), for shared per-document caches; read it, never change it."""
        return self._doc

    @property
    def original(self) -> str:
        assert self._doc is not None
        return self._doc.original

    def report_marker(self, label: str, start: int, end: int) -> None:
        self._pending.append((label, start, end))

    def flush_markers(self) -> None:
        assert self._doc is not None
        for label, start, end in self._pending:
            self._doc.add_marker(label, start, end)
        self._pending = []


class Pass(ABC):
    """One kind of artefact, one pass. Subclasses set ``name`` and ``description``.

    ``propose`` must be pure with respect to the text: it yields :class:`Edit` objects in
    the coordinates of ``text`` and never splices strings itself.
    """

    name: ClassVar[str]
    description: ClassVar[str]
    #: Run once more at the end of the pipeline when a later pass changed the text: for a
    #: pass whose rules need neighbours that later passes repair ("ths . inhabitaints":
    #: the stray period goes only beside words), so that cleaning stays idempotent.
    settles_after: ClassVar[bool] = False

    def __init__(self, config: Config, resources: Resources) -> None:
        self.config = config
        self.resources = resources

    @abstractmethod
    def propose(self, text: str, ctx: PassContext) -> Iterable[Edit]:
        """Yield the edits this pass would make to ``text``."""
