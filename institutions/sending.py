"""The monthly statements e-mailed to the institutions' representatives: one message per
representative and statement, ever (StatementDelivery's unique constraint), in the
representative's language, with the CSV and the PDF attached."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from core.formats import money, month_name
from core.i18n import language_of
from core.mail import render_email, site_root

from . import exports, statements
from .models import Statement, StatementDelivery

logger = logging.getLogger(__name__)


def statement_message(statement: Statement, user):
    """The e-mail of `statement` for the representative `user`, files attached, in their
    language."""
    language = language_of(user)
    with translation.override(language):
        context = {
            "user": user,
            "institution": statement.institution.name,
            "month": month_name(statement.month),
            "summary": [
                (label, money(value) if is_amount else value)
                for label, value, is_amount in exports.summary_rows(statement.figures)
            ],
            "privacy_note": exports.privacy_note(),
            "url": site_root() + reverse("institutions:page"),
        }
        attachments = [
            (
                exports.filename(statement, "pdf"),
                exports.statement_pdf(statement),
                "application/pdf",
            ),
            (exports.filename(statement, "csv"), exports.statement_csv(statement), "text/csv"),
        ]
    message = render_email(
        "institutions/email/statement", context, to=[user.email], language=language
    )
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    return message


def send_statement(statement: Statement) -> int:
    """E-mail the statement to each active representative of its institution who has not had
    it yet; returns how many messages went out."""
    sent = 0
    representatives = statement.institution.representatives.select_related("user").order_by("pk")
    for role in representatives:
        user = role.user
        if not user.is_active or not user.email:
            continue
        try:
            with transaction.atomic():
                # The record first: a concurrent run waits on it, then finds it (IntegrityError);
                # a failed send rolls it back, so that the next run tries again.
                StatementDelivery.objects.create(statement=statement, user=user, email=user.email)
                statement_message(statement, user).send()
        except IntegrityError:
            continue
        except Exception:
            # One bad address must not keep the other representatives from their statement.
            logger.exception("Statement %s to user %s failed", statement.pk, user.pk)
            continue
        sent += 1
    return sent


@dataclass
class RunResult:
    statements: int
    messages: int


def send_month(first_day: datetime.date) -> RunResult:
    """Make the month's statement of every member institution (once) and send it to the
    representatives who have not received it."""
    made = [
        statements.ensure_statement(institution, first_day)
        for institution in statements.member_institutions(first_day)
    ]
    return RunResult(len(made), sum(send_statement(statement) for statement in made))
