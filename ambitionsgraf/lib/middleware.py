from django.http import Http404


def refuse_nul_in_path(get_response):
    """A path with a NUL character names no page; PostgreSQL would refuse it in a query (a 500),
    so it is a 404 before any view runs."""

    def middleware(request):
        if "\x00" in request.path:
            raise Http404
        return get_response(request)

    return middleware
