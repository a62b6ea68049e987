"""`lazy`: computed on first read, then kept, on frozen dataclasses too."""

from __future__ import annotations

from dataclasses import dataclass

from inbox_assistant.domain.lazy import lazy

calls: list[int] = []


@dataclass(frozen=True)
class Box:
    value: int

    @lazy
    def doubled(self) -> int:
        """Twice the value."""
        calls.append(self.value)
        return self.value * 2


def test_a_lazy_value_is_computed_once_per_instance() -> None:
    calls.clear()
    first, second = Box(2), Box(3)
    assert (first.doubled, first.doubled, second.doubled) == (4, 4, 6)
    assert calls == [2, 3]


def test_the_class_attribute_is_the_descriptor_with_its_doc() -> None:
    assert isinstance(Box.__dict__["doubled"], lazy)
    assert Box.__dict__["doubled"].__doc__ == "Twice the value."
