from django.urls import path

from . import views_amendments, views_authoring, views_explore, views_moderation

app_name = "commitments"
urlpatterns = [
    path("", views_explore.explore_page, name="explore"),
    path("<int:pk>/", views_explore.detail, name="detail"),
    path("new/", views_authoring.start, name="start"),
    path("new/<slug:actor_type>/", views_authoring.new, name="new"),
    path("<int:pk>/edit/", views_authoring.edit, name="edit"),
    path("<int:pk>/withdraw/", views_authoring.withdraw, name="withdraw"),
    path("<int:pk>/delete/", views_authoring.delete_draft, name="delete_draft"),
    path("smart/", views_authoring.smart_panel, name="smart"),
    path("kpis/add/", views_authoring.kpi_add, name="kpi_add"),
    path("kpis/remove/", views_authoring.kpi_remove, name="kpi_remove"),
    path("kpis/interim/add/", views_authoring.interim_add, name="interim_add"),
    path("mine/", views_authoring.mine, name="mine"),
    path("contact/<str:signed>/", views_authoring.confirm_contact, name="confirm_contact"),
    path("<int:pk>/amend/", views_amendments.amend, name="amend"),
    path("<int:pk>/amend/withdraw/", views_amendments.withdraw_amendment, name="withdraw_amendment"),
    path("moderation/amendments/", views_amendments.queue, name="amendments"),
    path("moderation/amendments/<int:pk>/", views_amendments.review, name="amendment_review"),
    path("moderation/", views_moderation.queue, name="moderation"),
    path("<int:pk>/moderate/", views_moderation.moderate, name="moderate"),
]
