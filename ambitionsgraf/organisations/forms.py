from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ambitionsgraf.lib import orgnr

from .models import Organisation, Role


class OrganisationForm(forms.ModelForm):
    # Wider than the stored NNNNNN-NNNN so a number written with the 16 prefix gets the
    # organisation-number message, not a generic "too long".
    org_number = forms.CharField(
        label=_("Organisation number"),
        max_length=20,
        help_text=_("Ten digits, for example 212000-0142."),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "org_number",
            "type",
            "county",
            "employees_band",
            "volume_band",
            "procurement_setup",
            "national_statistics",
        ]
        labels = {
            "national_statistics": _("Count our closed rounds in the agency's national statistics"),
        }
        help_texts = {
            "volume_band": _("What the organisation buys in a year, roughly."),
            "national_statistics": _(
                "The agency then uses the results of closed rounds, only combined with other "
                "organisations' results, in national figures that never show your organisation "
                "or anyone who answered. In return you see how you compare with similar "
                "organisations that have also agreed, built from at least five of them and "
                "naming none. Answering is the same either way. You can change this at any time "
                "in the organisation's settings."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("type", "county", "employees_band", "volume_band", "procurement_setup"):
            field = self.fields[name]
            field.choices = [("", _("Choose…"))] + list(field.choices)[1:]
        self.fields["national_statistics"].label_suffix = ""  # the label follows its checkbox

    def clean_org_number(self):
        number = orgnr.normalise(self.cleaned_data["org_number"])
        taken = Organisation.objects.filter(org_number=number)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _(
                    "An organisation with this number is already registered in Ambitionsgraf. "
                    "Ask that organisation's admin to invite you. If no one at your "
                    "organisation knows who registered it, write to %(email)s."
                ),
                code="taken",
                params={"email": settings.CONTACT_EMAIL},
            )
        return number


ROLE_CHOICES = [
    (
        Role.ADMIN.value,
        _(
            "Admin: starts rounds, invites and reminds respondents, sees who has answered, "
            "sets the ambition and owns the action plan."
        ),
    ),
    (
        Role.COACH.value,
        _(
            "Coach: an adviser who reads the results, the trend and the action plan and comments "
            "on actions, but never sees who answered or what anyone answered, and cannot change "
            "anything."
        ),
    ),
]


class InvitationForm(forms.Form):
    """Invite a colleague as admin, or an adviser as coach, by e-mail."""

    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=ROLE_CHOICES,
        initial=Role.ADMIN,
        required=False,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=_("Language of the e-mail"),
        choices=[("sv", _("Swedish")), ("en", _("English"))],
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_role(self):
        return Role(self.cleaned_data["role"] or Role.ADMIN)

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        membership = self.organisation.memberships.filter(user__email__iexact=email).first()
        if membership is not None and membership.role == Role.COACH:
            raise forms.ValidationError(_("This person is already a coach of the organisation."))
        if membership is not None:
            raise forms.ValidationError(_("This person is already an admin of the organisation."))
        return email


class RoleForm(forms.Form):
    """The role the overview's button gives an admin or a coach."""

    role = forms.ChoiceField(choices=Role.choices)


class DeleteOrganisationForm(forms.Form):
    """Deleting cannot be undone: the admin types the organisation's name to confirm."""

    confirmation = forms.CharField(label=_("The organisation's name"), max_length=200)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        # Help texts are shown unescaped (Django's field template): the name is escaped here.
        self.fields["confirmation"].help_text = format_html(
            _("Type {name} exactly as it is written here, to show that you mean it."),
            name=format_html("<strong>{}</strong>", organisation.name),
        )

    def clean_confirmation(self):
        typed = self.cleaned_data["confirmation"].strip()
        if typed != self.organisation.name:
            raise forms.ValidationError(
                _(
                    "The text does not match the organisation's name, so nothing has been "
                    "deleted. Type the name exactly as it is written, with the same capital "
                    "letters."
                ),
                code="mismatch",
            )
        return typed
