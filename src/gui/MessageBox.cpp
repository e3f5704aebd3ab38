#include "MessageBox.h"

#include <QAbstractButton>

bool MessageBox::s_testMode = false;
std::optional<QMessageBox::StandardButton> MessageBox::s_nextAnswer;
QString MessageBox::s_lastWarning;

QMessageBox::StandardButton MessageBox::question(QWidget* parent, const QString& title, const QString& text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton,
                                                 const QMap<QMessageBox::StandardButton, QString>& labels)
{
    if (s_testMode) {
        return std::exchange(s_nextAnswer, std::nullopt).value_or(QMessageBox::Cancel);
    }
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (QAbstractButton* button = box.button(it.key())) {
            button->setText(it.value());
        }
    }
    const int chosen = box.exec();
    return buttons.testFlag(QMessageBox::StandardButton(chosen)) ? QMessageBox::StandardButton(chosen)
                                                                 : QMessageBox::Cancel;
}

void MessageBox::warning(QWidget* parent, const QString& title, const QString& text)
{
    if (s_testMode) {
        s_lastWarning = text;
        return;
    }
    QMessageBox::warning(parent, title, text);
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
