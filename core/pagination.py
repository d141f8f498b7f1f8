"""Lists a page at a time. One page size for every list of cards — resources, disciplines, the
search and its API's default, author pages, the library — so that they all read the same."""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator

# Cards per page: a multiple of 2, 3 and 4, so that every row of the grid is full at any width.
PAGE_SIZE = 24


def page_of(request, object_list, per_page: int = PAGE_SIZE, count: int | None = None) -> Page:
    """The page `?page=` asks for: the first one when it is not a number, the last one when it
    is beyond the end. `count`: how many objects there are, when the caller counted them already
    (else the paginator counts them: one query)."""
    paginator = Paginator(object_list, per_page)
    if count is not None:
        paginator.count = count  # Paginator.count is a cached property: no second COUNT
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
