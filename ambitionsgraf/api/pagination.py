"""Page-number pagination, the same on every list: `?page=2&page_size=50`.

    {"count": 123, "page": 2, "page_size": 50, "pages": 3,
     "next": "https://…?page=3&page_size=50", "previous": "https://…?page=1&page_size=50",
     "items": [...]}

A page past the last one is empty (not an error), so a client can stop at an empty page or at
`next` being null.
"""

import math
from typing import Any
from urllib.parse import urlencode

from ninja import Field, Schema
from ninja.pagination import PaginationBase

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000  # keeps the offset far from what a database integer holds


class PageNumberPagination(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE, description="The page, from 1.")
        page_size: int = Field(
            DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Items per page."
        )

    class Output(Schema):
        count: int
        page: int
        page_size: int
        pages: int
        next: str | None
        previous: str | None
        items: list[Any]

    def paginate_queryset(self, queryset, pagination: Input, request, **params):
        size, page = pagination.page_size, pagination.page
        count = self._items_count(queryset)
        offset = (page - 1) * size
        pages = math.ceil(count / size)
        return {
            "count": count,
            "page": page,
            "page_size": size,
            "pages": pages,
            "next": _page_url(request, page + 1, size) if page < pages else None,
            "previous": _page_url(request, min(page - 1, pages), size)
            if page > 1 and pages
            else None,
            "items": queryset[offset : offset + size],
        }


def _page_url(request, page: int, size: int) -> str:
    query = request.GET.copy()
    query["page"], query["page_size"] = str(page), str(size)
    return (
        request.build_absolute_uri(request.path)
        + "?"
        + urlencode(sorted(query.lists()), doseq=True)
    )
