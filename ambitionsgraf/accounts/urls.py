from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import delete_account, password_reset, sign_in, two_factor_views, views
from .forms import SetNewPasswordForm

app_name = "accounts"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", sign_in.SignInView.as_view(), name="login"),
    path("login/code/", sign_in.login_code, name="login_code"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("account/", views.account, name="account"),
    path("account/delete/", delete_account.delete_account, name="delete_account"),
    path("sign-out-everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("two-factor/", two_factor_views.setup, name="two_factor_setup"),
    path("two-factor/recovery-codes/", two_factor_views.recovery_codes, name="recovery_codes"),
    path(
        "two-factor/recovery-codes/new/",
        two_factor_views.new_recovery_codes,
        name="new_recovery_codes",
    ),
    path("two-factor/off/", two_factor_views.turn_off, name="two_factor_off"),
    path(
        "password/reset/",
        password_reset.ResetView.as_view(
            template_name="accounts/password_reset.html",
            email_template_name="emails/password_reset.txt",
            html_email_template_name="emails/password_reset.html",
            subject_template_name="emails/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        password_reset.NewPasswordView.as_view(
            template_name="accounts/password_reset_confirm.html",
            form_class=SetNewPasswordForm,
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
