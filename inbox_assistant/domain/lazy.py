"""`lazy`: a property computed on first read and then kept, without a lock.

`functools.cached_property` takes a lock on every first read before Python 3.12; in a
scan it guards values read millions of times by one thread. This descriptor does the
same work without it: the value is stored in the instance's `__dict__` (frozen
dataclasses included), which later reads find before the descriptor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class lazy(Generic[T]):
    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = self.compute(instance)
        instance.__dict__[self.name] = value
        return value
