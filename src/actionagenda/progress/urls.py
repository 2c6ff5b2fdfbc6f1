from django.urls import path

from . import views, views_readings, views_secretariat

app_name = "progress"
urlpatterns = [
    path("<int:pk>/reports/new/", views.new_report, name="new_report"),
    path("<int:pk>/reports/<int:report>/", views.report_page, name="report"),
    path("<int:pk>/reports/<int:report>/edit/", views.edit_report, name="edit_report"),
    path("<int:pk>/reports/<int:report>/decide/", views.decide, name="decide"),
    path("<int:pk>/reports/<int:report>/files/<int:file>/", views.evidence_file, name="evidence_file"),
    path("<int:pk>/phase/", views.phase, name="phase"),
    path("overdue/", views_secretariat.overdue_list, name="overdue"),
    path("<int:pk>/readings/", views_readings.upload, name="readings"),
    path("<int:pk>/readings.csv", views_readings.download, name="readings_csv"),
]
