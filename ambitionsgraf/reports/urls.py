from django.urls import path, register_converter

from . import views


class ExportFormat:
    """The file type of an export: csv or xlsx."""

    regex = "csv|xlsx"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ExportFormat, "export_format")

app_name = "reports"
urlpatterns = [
    path(
        "o/<str:code>/rounds/<str:round_code>/report.pdf",
        views.board_report,
        name="board_report",
    ),
    path(
        "o/<str:code>/rounds/<str:round_code>/export/results.<export_format:extension>",
        views.results_export,
        name="results_export",
    ),
    path(
        "o/<str:code>/rounds/<str:round_code>/export/questions.<export_format:extension>",
        views.questions_export,
        name="questions_export",
    ),
    path(
        "o/<str:code>/plan/export.<export_format:extension>", views.plan_export, name="plan_export"
    ),
]
