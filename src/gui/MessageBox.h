#pragma once

#include <QList>
#include <QMessageBox>

#include <optional>

// Message boxes with a test hook (a modal box would wait forever in an offscreen test): in
// test mode nothing is shown, a question takes the answer set beforehand (Cancel without one)
// and the last question and warning are kept for the test to read.
class MessageBox final
{
public:
    // One button of ask(): what it returns, its text and where the platform puts it.
    struct Choice
    {
        QMessageBox::StandardButton answer;
        QString text;
        QMessageBox::ButtonRole role = QMessageBox::AcceptRole;
    };

    // Asks with plain text buttons (no icons: a destructive action never carries a tick) and a
    // Cancel button, placed by the platform's convention at the edge; returns the answer of the
    // button chosen, or Cancel.
    static QMessageBox::StandardButton ask(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                                           const QString& text, const QList<Choice>& choices,
                                           QMessageBox::StandardButton defaultAnswer,
                                           const QString& informativeText = {});
    static void warning(QWidget* parent, const QString& title, const QString& text);
    static void information(QWidget* parent, const QString& title, const QString& text);

    static void setTestMode(bool on);
    static void setNextAnswer(QMessageBox::StandardButton answer);
    static QString lastWarning();
    // The text of the last question asked (ask's text and informative text), and its buttons.
    static QString lastQuestion();
    static QStringList lastChoices();

private:
    static bool s_testMode;
    static std::optional<QMessageBox::StandardButton> s_nextAnswer;
    static QString s_lastWarning;
    static QString s_lastQuestion;
    static QStringList s_lastChoices;
};
