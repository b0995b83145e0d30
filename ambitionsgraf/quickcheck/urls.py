app_name = "quickcheck"
urlpatterns = []
