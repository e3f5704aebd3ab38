#include "MessageBox.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QMap>
#include <QPushButton>

bool MessageBox::s_testMode = false;
std::optional<QMessageBox::StandardButton> MessageBox::s_nextAnswer;
QString MessageBox::s_lastWarning;
QString MessageBox::s_lastQuestion;
QStringList MessageBox::s_lastChoices;

QMessageBox::StandardButton MessageBox::ask(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                                            const QString& text, const QList<Choice>& choices,
                                            QMessageBox::StandardButton defaultAnswer, const QString& informativeText)
{
    s_lastQuestion = informativeText.isEmpty() ? text : text + QLatin1Char('\n') + informativeText;
    s_lastChoices.clear();
    for (const Choice& choice : choices) {
        s_lastChoices << choice.text;
    }
    if (s_testMode) {
        return std::exchange(s_nextAnswer, std::nullopt).value_or(QMessageBox::Cancel);
    }
    QMessageBox box(icon, title, text, QMessageBox::NoButton, parent);
    box.setInformativeText(informativeText);
    QMap<QAbstractButton*, QMessageBox::StandardButton> answers;
    for (const Choice& choice : choices) {
        QPushButton* button = box.addButton(choice.text, choice.role);
        answers.insert(button, choice.answer);
        if (choice.answer == defaultAnswer) {
            box.setDefaultButton(button);
        }
    }
    QPushButton* cancel = box.addButton(QCoreApplication::translate("MessageBox", "Cancel"), QMessageBox::RejectRole);
    box.setEscapeButton(cancel);
    if (defaultAnswer == QMessageBox::Cancel) {
        box.setDefaultButton(cancel);
    }
    box.exec();
    return answers.value(box.clickedButton(), QMessageBox::Cancel);
}

void MessageBox::warning(QWidget* parent, const QString& title, const QString& text)
{
    if (s_testMode) {
        s_lastWarning = text;
        return;
    }
    QMessageBox::warning(parent, title, text);
}

void MessageBox::information(QWidget* parent, const QString& title, const QString& text)
{
    if (s_testMode) {
        s_lastWarning = text;
        return;
    }
    QMessageBox::information(parent, title, text);
}

void MessageBox::setTestMode(bool on)
{
    s_testMode = on;
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswer = answer;
}

QString MessageBox::lastWarning()
{
    return s_lastWarning;
}

QString MessageBox::lastQuestion()
{
    return s_lastQuestion;
}

QStringList MessageBox::lastChoices()
{
    return s_lastChoices;
}
