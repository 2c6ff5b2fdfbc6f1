"""Background tasks of the progress app (run in-process or by `actionagenda worker`; the daily ones by its
periodic jobs)."""

from django_tasks import task

from actionagenda.mail import send_templated

from . import reminders, services
from .models import ReportDecision


@task()
def notify_report_decision(decision_id: int) -> int:
    """E-mail the secretariat's comment on a report, or its return, to the members of the commitment's actor, each
    in their language and in a message of their own. Returns the number sent."""
    decision = ReportDecision.objects.select_related("report__commitment__actor").get(pk=decision_id)
    report = decision.report
    members = report.commitment.actor.members.filter(is_active=True).exclude(email="").order_by("pk")
    context = {"decision": decision, "report": report, "commitment": report.commitment}
    return sum(send_templated("progress/email/report_decision", context, [member.email], member.language)
               for member in members)


@task()
def refresh_progress() -> int:
    """Recompute every published commitment's KPI states and scorecard for today (states, traffic lights and
    inactivity follow the calendar); safe to run more than once a day."""
    return services.refresh_all()


@task()
def send_progress_reminders() -> int:
    """E-mail the reminders due today before and after each report's due date (never one twice)."""
    return reminders.send_due()
