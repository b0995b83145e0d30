from django.urls import path

from . import national_views, opendata_views

app_name = "national"
urlpatterns = [
    path("agency/national/", national_views.picture, name="picture"),
    path("open-data/", opendata_views.page, name="open_data"),
    path("open-data/ambitionsgraf-national.csv", opendata_views.csv_file, name="open_data_csv"),
    path("open-data/ambitionsgraf-national.json", opendata_views.json_file, name="open_data_json"),
    path("open-data/catalog.jsonld", opendata_views.catalog, name="open_data_dcat"),
]
