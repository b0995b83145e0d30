"""Pages for the agency's staff: analysts (national figures) and model owners (the model).

Everyone else gets 404, as on an organisation they do not belong to; a visitor is asked to
sign in. Two-factor sign-in is required of agency staff (enforced in accounts' middleware).
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404


def _require(check):
    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not check(request.user):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


analyst_required = _require(lambda user: user.is_analyst)
model_owner_required = _require(lambda user: user.is_model_owner)
